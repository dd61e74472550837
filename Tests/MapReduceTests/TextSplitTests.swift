import MapReduce
import TestSupport
import Testing

/// Hadoop's line rule: whatever the split size, every line is read by exactly one split.
struct TextSplitTests {
    /// The lines of `bytes` as a reader should see them: split at `\n`, a `\r` before it dropped,
    /// a final line without newline kept, with their offsets.
    func expectedLines(_ bytes: [UInt8], skippingBOM: Bool) -> [(Int64, [UInt8])] {
        var lines: [(Int64, [UInt8])] = []
        var start = skippingBOM && bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var index = start
        while index < bytes.count {
            if bytes[index] == 0x0A {
                var line = Array(bytes[start..<index])
                if line.last == 0x0D { line.removeLast() }
                lines.append((Int64(start), line))
                start = index + 1
            }
            index += 1
        }
        if start < bytes.count { lines.append((Int64(start), Array(bytes[start...]))) }
        return lines
    }

    func readAll(_ path: String, size: Int64, splitSize: Int64, format: TextInputFormat) throws -> [(Int64, [UInt8])] {
        var lines: [(Int64, [UInt8])] = []
        for split in try format.splits(of: [InputFile(path: path, size: size)], splitSize: splitSize) {
            _ = try format.read(split) { lines.append(($0.offset, Array($0.bytes))) }
        }
        return lines
    }

    func check(_ bytes: [UInt8], splitSizes: [Int64], in directory: TemporaryDirectory) throws {
        let path = try directory.write("input-\(bytes.count)", bytes)
        for keepsBOM in [false, true] {
            let format = TextInputFormat(keepsByteOrderMark: keepsBOM, bufferSize: 64)
            let expected = expectedLines(bytes, skippingBOM: !keepsBOM)
            for splitSize in splitSizes {
                let lines = try readAll(path, size: Int64(bytes.count), splitSize: splitSize, format: format)
                #expect(lines.map(\.0) == expected.map(\.0), "offsets, split size \(splitSize), \(bytes.count) bytes")
                #expect(lines.map(\.1) == expected.map(\.1), "lines, split size \(splitSize), \(bytes.count) bytes")
            }
        }
    }

    @Test func randomFilesAndSplitSizesReadEveryLineOnce() throws {
        let directory = try TemporaryDirectory("splits")
        var generator = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = [0x0A, 0x0A, 0x0D, 0x20, 0x61, 0x62, 0xEF, 0xBB, 0xBF, 0x00, 0xFF]
        for round in 0..<60 {
            let length = Int.random(in: 0...(round < 30 ? 300 : 5000), using: &generator)
            var bytes = (0..<length).map { _ in alphabet.randomElement(using: &generator)! }
            if round % 5 == 0 { bytes = [0xEF, 0xBB, 0xBF] + bytes }
            let sizes = (0..<6).map { _ in Int64.random(in: 1...max(1, Int64(length)), using: &generator) }
            try check(bytes, splitSizes: sizes + [1, 2, 3], in: directory)
        }
    }

    @Test func edgeCases() throws {
        let directory = try TemporaryDirectory("split-edges")
        let cases: [[UInt8]] = [
            [],
            Array("\n".utf8),
            Array("\n\n\n".utf8),
            Array("no newline at end".utf8),
            Array("crlf\r\nlines\r\nhere\r\n".utf8),
            [0xEF, 0xBB, 0xBF] + Array("bom first\nsecond\n".utf8),
            [0xEF, 0xBB],
            Array("short\n".utf8) + [UInt8](repeating: 0x78, count: 1000) + Array("\nafter the long line\n".utf8),
            Array("a\rb\r\n\r\n\rc".utf8),
        ]
        for bytes in cases { try check(bytes, splitSizes: [1, 2, 3, 5, 7, 16, 100, 10_000], in: directory) }
    }

    @Test func smallLastSplitIsFolded() throws {
        let format = TextInputFormat()
        let files = [
            InputFile(path: "a", size: 105), InputFile(path: "b", size: 104), InputFile(path: "d", size: 111),
            InputFile(path: "c", size: 0),
        ]
        let splits = try format.splits(of: files, splitSize: 50)
        #expect(
            splits.map(\.description) == ["a:0+50", "a:50+55", "b:0+50", "b:50+54", "d:0+50", "d:50+50", "d:100+11"]
        )
    }
}
