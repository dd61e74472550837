import MapReduce
import Testing

@testable import Streaming

/// The streaming line protocol without processes: keys and values of output lines, input lines
/// of records, lines cut across read blocks, and reporter lines.
struct StreamingLineTests {
    func split(_ line: String, _ format: StreamingLineFormat = StreamingLineFormat()) -> (String, String) {
        Array(line.utf8).withUnsafeBytes { bytes in
            let (key, value) = format.split(ByteSlice(bytes))
            return (key.string, value.string)
        }
    }

    @Test func theKeyEndsAtTheFirstTab() {
        #expect(split("word\t1") == ("word", "1"))
        #expect(split("a\tb\tc") == ("a", "b\tc"))
        #expect(split("\tvalue") == ("", "value"))
        #expect(split("key\t") == ("key", ""))
    }

    @Test func aLineWithoutTabIsAllKey() {
        #expect(split("just a key") == ("just a key", ""))
        #expect(split("") == ("", ""))
    }

    @Test func keyFieldsAndSeparatorsAsHadoopsParameters() {
        let twoFields = StreamingLineFormat(separator: [0x09], keyFields: 2)
        #expect(split("a\tb\tc\td", twoFields) == ("a\tb", "c\td"))
        #expect(split("a\tb", twoFields) == ("a\tb", ""))
        let dots = StreamingLineFormat(separator: Array(".".utf8), keyFields: 1)
        #expect(split("10.0.0.1", dots) == ("10", "0.0.1"))
        let words = StreamingLineFormat(separator: Array("::".utf8), keyFields: 2)
        #expect(split("a::b:c::d", words) == ("a::b:c", "d"))
        #expect(split("a:b", words) == ("a:b", ""))
    }

    @Test func recordsGoToCommandsAsKeyTabValueOrKeyAlone() {
        var output: [UInt8] = []
        let format = StreamingLineFormat()
        Array("k".utf8).withUnsafeBytes { key in
            Array("v w".utf8).withUnsafeBytes { value in
                format.appendLine(key: ByteSlice(key), value: ByteSlice(value), to: &output)
                format.appendLine(
                    key: ByteSlice(key),
                    value: ByteSlice(UnsafeRawBufferPointer(rebasing: value[0..<0])),
                    to: &output
                )
            }
        }
        #expect(String(decoding: output, as: UTF8.self) == "k\tv w\nk\n")
    }

    @Test func linesAreCutAcrossBlocksAndTheLastNeedsNoNewline() {
        var splitter = LineSplitter()
        var lines: [String] = []
        for block in ["ab", "c\nd", "e\n\nfg\n", "h"] {
            Array(block.utf8).withUnsafeBytes { bytes in splitter.feed(bytes) { lines.append($0.string) } }
        }
        splitter.finish { lines.append($0.string) }
        #expect(lines == ["abc", "de", "", "fg", "h"])
    }

    @Test func reporterLinesBecomeCountersAndStatus() {
        #expect(ReporterLine("reporter:counter:Words,LONG,3") == .counter(name: "Words.LONG", amount: 3))
        #expect(ReporterLine("reporter:counter:,SHORT,-2") == .counter(name: "SHORT", amount: -2))
        #expect(ReporterLine("reporter:status:half way") == .status("half way"))
        #expect(ReporterLine("reporter:counter:Words,LONG") == nil)
        #expect(ReporterLine("reporter:counter:Words,LONG,many") == nil)
        #expect(ReporterLine("Traceback (most recent call last):") == nil)
    }

    @Test func failuresSayHowTheCommandEnded() {
        #expect(StreamingFailure.ending(waitStatus: 0) == nil)
        #expect(StreamingFailure.ending(waitStatus: 3 << 8) == "exited with status 3")
        #expect(StreamingFailure.ending(waitStatus: 127 << 8) == "exited with status 127 (command not found)")
        #expect(StreamingFailure.ending(waitStatus: 9)?.hasPrefix("was killed by signal 9") == true)
        let failure = StreamingFailure(
            role: "reducer",
            command: "exit 3",
            ending: "exited with status 3",
            stderrTail: ["a", "b"]
        )
        #expect(
            failure.description == "streaming reducer `exit 3` exited with status 3; its standard error ended: a | b"
        )
    }
}
