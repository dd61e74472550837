import MapReduce
import TestSupport
import Testing

/// Fixed-length records: every record is read once, whole, wherever split boundaries fall.
struct FixedLengthInputFormatTests {
    func records(_ format: FixedLengthInputFormat, _ splits: [InputSplit]) throws -> [(Int64, [UInt8])] {
        var records: [(Int64, [UInt8])] = []
        for split in splits {
            _ = try format.read(split) { records.append(($0.offset, Array($0.bytes))) }
        }
        return records
    }

    func file(records count: Int, length: Int, in directory: TemporaryDirectory) throws -> (String, [UInt8]) {
        let bytes = (0..<count * length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 / length) }
        return (try directory.write("records-\(count)-\(length)", bytes), bytes)
    }

    @Test func plannedSplitsEndOnRecordBoundaries() throws {
        let directory = try TemporaryDirectory("fixed")
        let (path, bytes) = try file(records: 1000, length: 100, in: directory)
        let format = FixedLengthInputFormat(recordLength: 100, bufferSize: 350)
        for splitSize: Int64 in [1, 99, 100, 1234, 10_000, 1 << 20] {
            let splits = try format.splits(of: [InputFile(path: path, size: Int64(bytes.count))], splitSize: splitSize)
            #expect(splits.allSatisfy { $0.start % 100 == 0 && $0.length % 100 == 0 }, "split size \(splitSize)")
            let read = try records(format, splits)
            #expect(read.map(\.0) == (0..<1000).map { Int64($0 * 100) }, "split size \(splitSize)")
            #expect(read.flatMap(\.1) == bytes, "split size \(splitSize)")
        }
    }

    /// Byte ranges cut anywhere (as another planner might) still give each record to one split:
    /// the one in which it starts.
    @Test func recordsStraddlingArbitraryBoundariesAreReadOnce() throws {
        let directory = try TemporaryDirectory("fixed-straddle")
        let (path, bytes) = try file(records: 97, length: 13, in: directory)
        let format = FixedLengthInputFormat(recordLength: 13, bufferSize: 40)
        for cut in [1, 7, 12, 13, 14, 50, 333, 2000] {
            let splits = stride(from: 0, to: bytes.count, by: cut).map {
                InputSplit(path: path, start: Int64($0), length: Int64(min(cut, bytes.count - $0)))
            }
            let read = try records(format, splits)
            #expect(read.map(\.0) == (0..<97).map { Int64($0 * 13) }, "cut every \(cut) bytes")
            #expect(read.flatMap(\.1) == bytes, "cut every \(cut) bytes")
        }
    }

    @Test func emptyFilesHaveNoSplitsAndPartialRecordsAreRefused() throws {
        let directory = try TemporaryDirectory("fixed-edge")
        let format = FixedLengthInputFormat(recordLength: 10)
        let empty = try directory.write("empty", [])
        #expect(try format.splits(of: [InputFile(path: empty, size: 0)], splitSize: 100).isEmpty)
        #expect(try records(format, [InputSplit(path: empty, start: 0, length: 0)]).isEmpty)
        let ragged = try directory.write("ragged", [UInt8](repeating: 7, count: 25))
        #expect(throws: InputError.self) { try format.splits(of: [InputFile(path: ragged, size: 25)], splitSize: 100) }
        #expect(throws: InputError.self) { try records(format, [InputSplit(path: ragged, start: 0, length: 25)]) }
    }
}
