import Testing

@testable import MapReduce

/// The map output buffer keeps large values in their own buffers and hands split ones to the
/// sink in two parts that make up the whole encoding.
struct MapOutputBufferTests {
    /// Records every run and record it is given.
    final class RecordingSink: MapOutputSink {
        var runs = 0
        var records: [(key: [UInt8], value: [UInt8])] = []

        func beginRun() throws { runs += 1 }

        func append(
            partition: Int,
            key: UnsafeRawBufferPointer,
            value: UnsafeRawBufferPointer,
            tail: UnsafeRawBufferPointer
        ) throws {
            records.append((Array(key), Array(value) + Array(tail)))
        }

        func endRun() throws {}
    }

    @Test func splitValuesReachTheSinkWholeAcrossSpills() throws {
        let sink = RecordingSink()
        let buffer = MapOutputBuffer<Blob>(limit: 3 << 20, reduceCount: 1, partitioner: nil, combine: nil, sink: sink)
        let blobs = (0..<7).map { Blob(tag: $0) }
        for blob in blobs {
            try [UInt8(blob.tag)].withUnsafeBytes { try buffer.add(key: $0, value: blob) }
        }
        let counters = try buffer.finish()
        #expect(sink.runs >= 3)
        #expect(sink.records.map(\.key) == blobs.map { [UInt8($0.tag)] })
        var encoded: [[UInt8]] = []
        for blob in blobs {
            var writer = ByteWriter()
            blob.encode(into: &writer)
            encoded.append(writer.bytes)
        }
        #expect(sink.records.map(\.value) == encoded)
        #expect(counters[.mapOutputBytes] == Int64(encoded.reduce(0) { $0 + $1.count + 1 }))
    }
}
