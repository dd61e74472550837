import MapReduce
@testable import MapReduceEngine
import TestSupport
import Testing

/// The map output file keeps every partition's records, empty partitions included.
struct MapOutputFileTests {
    @Test func recordsRoundTripThroughSegments() throws {
        let directory = try TemporaryDirectory("mapout")
        let path = directory.file("m.out")
        let writer = try MapOutputFileWriter(path: path, partitionCount: 5)
        let records: [(Int, String, String)] = [(1, "a", "1"), (1, "b", ""), (3, "", "x"), (3, "k", String(repeating: "v", count: 300_000))]
        for (partition, key, value) in records {
            try Array(key.utf8).withUnsafeBytes { key in
                try Array(value.utf8).withUnsafeBytes { try writer.append(partition: partition, key: key, value: $0) }
            }
        }
        let segments = try writer.finish()
        #expect(try MapOutputSegment.readIndex(of: path) == segments)
        #expect(segments.map(\.records) == [0, 2, 0, 2, 0])
        let file = try FileReadHandle(path: path)
        for partition in 0..<5 {
            let reader = SegmentReader(file: file, segment: segments[partition], bufferSize: 64)
            var read: [(String, String)] = []
            while try reader.advance() {
                read.append((String(decoding: reader.key, as: UTF8.self), String(decoding: reader.value, as: UTF8.self)))
            }
            let expected = records.filter { $0.0 == partition }.map { ($0.1, $0.2) }
            #expect(read.map(\.0) == expected.map(\.0))
            #expect(read.map(\.1) == expected.map(\.1))
        }
    }

    @Test func notAMapOutputFileIsRefused() throws {
        let directory = try TemporaryDirectory("mapout-bad")
        let path = try directory.write("junk", "this is not a map output file at all")
        #expect(throws: MapOutputFileError.self) { try MapOutputSegment.readIndex(of: path) }
    }
}
