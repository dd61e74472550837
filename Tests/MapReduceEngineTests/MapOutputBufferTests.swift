import Testing

@testable import MapReduce

/// The map output buffer keeps large values in their own buffers and hands split ones to the
/// sink in two parts that make up the whole encoding; it combines keys of every length, sorts each
/// run by (partition, key bytes), and keeps equal uncombined keys in emit order.
struct MapOutputBufferTests {
    /// Records every run and record it is given.
    final class RecordingSink: MapOutputSink {
        var runs = 0
        var records: [(key: [UInt8], value: [UInt8])] = []
        /// The records of each run with their partitions.
        var runRecords: [[(partition: Int, key: [UInt8], value: [UInt8])]] = []

        func beginRun() throws {
            runs += 1
            runRecords.append([])
        }

        func append(
            partition: Int,
            key: UnsafeRawBufferPointer,
            value: UnsafeRawBufferPointer,
            tail: UnsafeRawBufferPointer
        ) throws {
            records.append((Array(key), Array(value) + Array(tail)))
            runRecords[runRecords.count - 1].append((partition, Array(key), Array(value) + Array(tail)))
        }

        func endRun() throws {}
    }

    /// Distinct keys of lengths 0 to 40 over a few byte values (0 and 255 among them), so that many
    /// share their first eight bytes, differ only in trailing zero bytes, or only past byte eight.
    static func keys(count: Int, generator: inout SeededGenerator) -> [[UInt8]] {
        let alphabet: [UInt8] = [0, 1, 0x61, 0x62, 0xFF]
        var seen = Set<[UInt8]>()
        var keys: [[UInt8]] = []
        while keys.count < count {
            let length = Int(generator.next() % 41)
            let key = (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            if seen.insert(key).inserted { keys.append(key) }
        }
        return keys
    }

    /// The `Int` that `bytes` encode.
    static func decode(_ bytes: [UInt8]) throws -> Int {
        try bytes.withUnsafeBytes {
            var reader = ByteReader($0)
            return try Int(decoding: &reader)
        }
    }

    /// Whether `left` sorts before `right` as unsigned bytes, a proper prefix first.
    static func precedes(_ left: [UInt8], _ right: [UInt8]) -> Bool {
        left.lexicographicallyPrecedes(right)
    }

    @Test(arguments: [(1, 64 << 20), (2, 64 << 20), (2, 1 << 16), (3000, 1 << 16)])
    func combinedKeysSpillSortedAndAddUp(reduceCount: Int, limit: Int) throws {
        var generator = SeededGenerator(seed: 20)
        let keys = Self.keys(count: 3000, generator: &generator)
        let sink = RecordingSink()
        let buffer = MapOutputBuffer<Int>(
            limit: limit,
            reduceCount: reduceCount,
            partitioner: nil,
            combine: { $0 += $1 },
            sink: sink
        )
        var totals: [[UInt8]: Int] = [:]
        let pairs = 20_000
        for _ in 0..<pairs {
            let key = keys[Int(generator.next() % UInt64(keys.count))]
            let value = Int(generator.next() % 300)
            totals[key, default: 0] += value
            try key.withUnsafeBytes { try buffer.add(key: $0, value: value) }
        }
        let counters = try buffer.finish()
        if limit < 1 << 20 { #expect(sink.runs > 1) } else { #expect(sink.runs == 1) }
        var combined: [[UInt8]: Int] = [:]
        for run in sink.runRecords {
            for (previous, record) in zip(run, run.dropFirst()) {
                #expect(
                    previous.partition < record.partition
                        || (previous.partition == record.partition && Self.precedes(previous.key, record.key))
                )
            }
            for record in run {
                #expect(
                    record.partition
                        == record.key.withUnsafeBytes { Int(KeyBytes.stableHash($0) % UInt64(reduceCount)) }
                )
                combined[record.key, default: 0] += try Self.decode(record.value)
            }
        }
        #expect(combined == totals)
        let spilled = Int64(sink.runRecords.reduce(0) { $0 + $1.count })
        #expect(counters[.mapOutputRecords] == Int64(pairs))
        #expect(counters[.combineInputRecords] == Int64(pairs))
        #expect(counters[.combineOutputRecords] == spilled)
        #expect(counters[.spilledRecords] == spilled)
    }

    @Test(arguments: [1, 2, 3000])
    func uncombinedKeysSortStablyInEmitOrder(reduceCount: Int) throws {
        var generator = SeededGenerator(seed: 5)
        let keys = Self.keys(count: 500, generator: &generator)
        let sink = RecordingSink()
        let buffer = MapOutputBuffer<Int>(
            limit: 64 << 20,
            reduceCount: reduceCount,
            partitioner: nil,
            combine: nil,
            sink: sink
        )
        for index in 0..<5000 {
            try keys[Int(generator.next() % UInt64(keys.count))].withUnsafeBytes {
                try buffer.add(key: $0, value: index)
            }
        }
        _ = try buffer.finish()
        #expect(sink.runRecords.count == 1)
        let run = sink.runRecords[0]
        #expect(run.count == 5000)
        for (previous, record) in zip(run, run.dropFirst()) {
            if previous.partition == record.partition, previous.key == record.key {
                #expect(try Self.decode(previous.value) < Self.decode(record.value))
            } else {
                #expect(
                    previous.partition < record.partition
                        || (previous.partition == record.partition && Self.precedes(previous.key, record.key))
                )
            }
        }
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
