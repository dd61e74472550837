import MapReduce
import TestSupport
import Testing

/// Key-value lines: cut at the first separator, split by Hadoop's line rule.
struct KeyValueTextInputFormatTests {
    func read(
        _ path: String,
        size: Int,
        splitSize: Int64,
        format: KeyValueTextInputFormat
    ) throws -> [(String, String, Int64)] {
        var lines: [(String, String, Int64)] = []
        for split in try format.splits(of: [InputFile(path: path, size: Int64(size))], splitSize: splitSize) {
            _ = try format.read(split) { lines.append(($0.key.string, $0.value.string, $0.offset)) }
        }
        return lines
    }

    @Test func linesAreCutAtTheFirstSeparator() throws {
        let directory = try TemporaryDirectory("kv")
        let text = "apple\t3\nno separator\n\tempty key\nkey\t\nmany\ttabs\there\r\n\nlast\tline"
        let path = try directory.write("kv.txt", Array(text.utf8))
        let expected: [(String, String, Int64)] = [
            ("apple", "3", 0), ("no separator", "", 8), ("", "empty key", 21), ("key", "", 32),
            ("many", "tabs\there", 37),
            ("", "", 53), ("last", "line", 54),
        ]
        for splitSize: Int64 in [1, 5, 16, 1000] {
            let lines = try read(
                path,
                size: text.utf8.count,
                splitSize: splitSize,
                format: KeyValueTextInputFormat(bufferSize: 8)
            )
            #expect(lines.map(\.0) == expected.map(\.0), "keys, split size \(splitSize)")
            #expect(lines.map(\.1) == expected.map(\.1), "values, split size \(splitSize)")
            #expect(lines.map(\.2) == expected.map(\.2), "offsets, split size \(splitSize)")
        }
    }

    @Test func anotherSeparatorAndAnEmptyFile() throws {
        let directory = try TemporaryDirectory("kv-sep")
        let path = try directory.write("csv.txt", Array("a,b,c\nd\n".utf8))
        let lines = try read(
            path,
            size: 8,
            splitSize: 100,
            format: KeyValueTextInputFormat(separator: UInt8(ascii: ","))
        )
        #expect(lines.map(\.0) == ["a", "d"])
        #expect(lines.map(\.1) == ["b,c", ""])
        let empty = try directory.write("empty.txt", [])
        #expect(try read(empty, size: 0, splitSize: 100, format: KeyValueTextInputFormat()).isEmpty)
    }
}
