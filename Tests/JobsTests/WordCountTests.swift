import MapReduce
import TestSupport
import Testing
import WordCount

/// Word count equals `LC_ALL=C tr -s '[:space:]' '\n' | sort | uniq -c`, byte for byte.
struct WordCountTests {
    @Test func sharedBooksEqualTheCoreutilsOracle() throws {
        let directory = try TemporaryDirectory("wc-books")
        let (output, result) = try runJob(
            WordCountJob(parameters: JobParameters()),
            inputs: [SharedData.books],
            in: directory
        )
        #expect(try Oracles.sortedOutput(output) == Oracles.coreutilsWordCount(try SharedData.bookPaths()))
        #expect(result.counters[.mapInputBytes] == 12_222_060)
    }

    @Test func edgeCaseFilesEqualTheCoreutilsOracle() throws {
        let directory = try TemporaryDirectory("wc-edges")
        var invalid: [UInt8] = Array("caf\u{E9} ".utf8) + [0xC3, 0x28, 0x20, 0xFF, 0xFE, 0x0A, 0x80]
        invalid += Array("\tword\u{0B}vt\u{0C}ff\rcr\r\n".utf8) + [0x01, 0x7F, 0x20, 0x00, 0x61, 0x0A]
        let files: [(String, [UInt8])] = [
            ("invalid-utf8.txt", invalid),
            ("crlf.txt", Array("The the THE\r\nthe\r\n\r\n  leading and trailing  \r\n".utf8)),
            ("bom.txt", [0xEF, 0xBB, 0xBF] + Array("Bom word\nword\n".utf8)),
            ("no-final-newline.txt", Array("last words here".utf8)),
            ("empty.txt", []),
            ("only-space.txt", Array(" \t\n\r\n\u{0B}\u{0C}".utf8)),
            ("long-line.txt", Array(String(repeating: "abc ", count: 300_000).utf8) + Array("x\nend".utf8)),
        ]
        var paths: [String] = []
        for (name, bytes) in files { paths.append(try directory.write("in/\(name)", bytes)) }
        for splitSize: Int64 in [7, 4096] {
            let (output, _) = try runJob(
                WordCountJob(parameters: JobParameters()),
                inputs: [directory.file("in")],
                in: directory,
                splitSize: splitSize
            )
            #expect(
                try Oracles.sortedOutput(output) == Oracles.coreutilsWordCount(paths.sorted()),
                "split size \(splitSize)"
            )
        }
    }

    @Test func normalizeFoldsCaseAndKeepsInnerApostrophes() throws {
        let directory = try TemporaryDirectory("wc-normalize")
        let input = try directory.write(
            "in.txt",
            "The THE the—Don’t 'tis dogs' café CAFÉ\n42 x2 naïve, ÉCOLE; \u{FF}\n"
        )
        let (output, _) = try runJob(
            WordCountJob(parameters: JobParameters()),
            inputs: [input],
            in: directory,
            parameters: JobParameters([WordCountJob.normalizeParameter: "true"])
        )
        let text = String(decoding: try Oracles.sortedOutput(output), as: UTF8.self)
        #expect(text == "42\t1\ncafé\t2\ndogs\t1\ndon't\t1\nnaïve\t1\nthe\t3\ntis\t1\nx2\t1\nécole\t1\nÿ\t1\n")
    }
}
