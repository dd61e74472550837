import Glibc
import MapReduce
import TestSupport
import Testing

@testable import MapReduceEngine

/// The map output file keeps every partition's records, empty partitions included.
struct MapOutputFileTests {
    @Test func recordsRoundTripThroughSegments() throws {
        let directory = try TemporaryDirectory("mapout")
        let path = directory.file("m.out")
        let writer = try MapOutputFileWriter(path: path, partitionCount: 5)
        let records: [(Int, String, String)] = [
            (1, "a", "1"), (1, "b", ""), (3, "", "x"), (3, "k", String(repeating: "v", count: 300_000)),
        ]
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
                read.append(
                    (String(decoding: reader.key, as: UTF8.self), String(decoding: reader.value, as: UTF8.self))
                )
            }
            let expected = records.filter { $0.0 == partition }.map { ($0.1, $0.2) }
            #expect(read.map(\.0) == expected.map(\.0))
            #expect(read.map(\.1) == expected.map(\.1))
        }
    }

    @Test func shortKeysAndValuesOfEveryLengthRoundTrip() throws {
        let directory = try TemporaryDirectory("mapout-short")
        let path = directory.file("m.out")
        let writer = try MapOutputFileWriter(path: path, partitionCount: 2)
        // Enough records to fill the writer's buffer several times.
        let records = (0..<40_000).map { index in
            let key = (0..<(index % 21)).map { UInt8(truncatingIfNeeded: index &* 7 &+ $0) }
            let value = (0..<(index / 21 % 19)).map { UInt8(truncatingIfNeeded: index &* 13 &+ $0) }
            return (partition: index < 25_000 ? 0 : 1, key: key, value: value)
        }
        for record in records {
            try record.key.withUnsafeBytes { key in
                try record.value.withUnsafeBytes { try writer.append(partition: record.partition, key: key, value: $0) }
            }
        }
        let segments = try writer.finish()
        #expect(segments.map(\.records) == [25_000, 15_000])
        let file = try FileReadHandle(path: path)
        var read: [(key: [UInt8], value: [UInt8])] = []
        for segment in segments {
            let reader = SegmentReader(file: file, segment: segment, bufferSize: 4096)
            while try reader.advance() { read.append((Array(reader.key), Array(reader.value))) }
        }
        #expect(read.map(\.key) == records.map(\.key))
        #expect(read.map(\.value) == records.map(\.value))
    }

    @Test func largeValuesAreMappedFromTheFileOnDemand() throws {
        let directory = try TemporaryDirectory("mapout-large")
        let path = directory.file("m.out")
        let writer = try MapOutputFileWriter(path: path, partitionCount: 1)
        let values = [3_000_001, 17, 1_500_000].enumerated().map { index, count in
            (0..<count).map { UInt8(truncatingIfNeeded: $0 * 31 + index) }
        }
        for (index, value) in values.enumerated() {
            try [UInt8(index)].withUnsafeBytes { key in
                try value.withUnsafeBytes { try writer.append(partition: 0, key: key, value: $0) }
            }
        }
        let segment = try writer.finish()[0]
        let reader = SegmentReader(file: try FileReadHandle(path: path), segment: segment, bufferSize: 64)
        var read: [[UInt8]] = []
        while try reader.advance() {
            read.append(Array(try reader.loadValue()))
            #expect(Array(reader.value) == read.last)
        }
        #expect(read == values)
    }

    @Test func aLargeValueCutShortIsAnError() throws {
        let directory = try TemporaryDirectory("mapout-large-cut")
        let path = directory.file("m.out")
        let writer = try MapOutputFileWriter(path: path, partitionCount: 1)
        let value = [UInt8](repeating: 7, count: 2_000_000)
        try [UInt8(1)].withUnsafeBytes { key in
            try value.withUnsafeBytes { try writer.append(partition: 0, key: key, value: $0) }
        }
        let segment = try writer.finish()[0]
        let file = try FileReadHandle(path: path)
        #expect(truncate(path, off_t(segment.offset) + 1_000_000) == 0)
        let reader = SegmentReader(file: file, segment: segment, bufferSize: 64)
        #expect(try reader.advance())
        #expect(throws: MapOutputFileError.self) { try reader.loadValue() }
    }

    @Test func notAMapOutputFileIsRefused() throws {
        let directory = try TemporaryDirectory("mapout-bad")
        let path = try directory.write("junk", "this is not a map output file at all")
        #expect(throws: MapOutputFileError.self) { try MapOutputSegment.readIndex(of: path) }
    }
}
