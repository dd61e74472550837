import Foundation
import MapReduce
import TestSupport
import Testing

@testable import MapReduceEngine

/// Merging consecutive maps' segments while fetching, in memory and on disk, changes nothing the
/// reducer sees, and keeps the segments in memory within their budget.
struct ShuffleMergerTests {
    let mapCount = 23

    /// Writes map `index`'s output: two partitions, partition 0 skewed to a few keys, partition 1
    /// empty for every third map; each value is a `ByteSlice` naming its map and position.
    func writeMapOutput(_ index: Int, in directory: TemporaryDirectory) throws -> ReduceTaskRunner.Input {
        let path = directory.file("map-\(index).out")
        let writer = try MapOutputFileWriter(path: path, partitionCount: 2)
        var generator = SeededGenerator(seed: UInt64(index) + 100)
        let keys = (0..<(index % 5 == 4 ? 0 : 300)).map { _ in
            String(
                format: "%010d",
                Int.random(in: 0..<(Int.random(in: 0..<4, using: &generator) == 0 ? 1000 : 4), using: &generator)
            )
        }.sorted()
        for (position, key) in keys.enumerated() {
            let payload =
                Array(String(format: "map %05d record %05d", index, position).utf8)
                + [UInt8](repeating: 0x2E, count: 66)
            let value = [UInt8(payload.count)] + payload
            try Array(key.utf8).withUnsafeBytes { key in
                try value.withUnsafeBytes { try writer.append(partition: 0, key: key, value: $0) }
            }
        }
        if index % 3 != 0 {
            try Array("0000000001".utf8).withUnsafeBytes { key in
                try ([UInt8(2)] + Array("m\(index % 10)".utf8)).withUnsafeBytes {
                    try writer.append(partition: 1, key: key, value: $0)
                }
            }
        }
        return ReduceTaskRunner.Input(path: path, segment: try writer.finish()[0])
    }

    /// Map `index`'s segment in memory reserved in `memory`, or in its file when it is too large.
    func segment(of input: ReduceTaskRunner.Input, in memory: ShuffleMemory) async throws -> ShuffleSegment {
        guard await memory.reserve(input.segment.length) else { return .file(input) }
        let kept = MemorySegment(length: Int(input.segment.length), reservedIn: memory)
        let bytes = try FileReadHandle(path: input.path).readExactly(
            Int(input.segment.length),
            at: input.segment.offset
        )
        try bytes.withUnsafeBytes { try kept.append($0) }
        return .memory(kept, records: input.segment.records)
    }

    /// The final merge's inputs after a merger with `memoryLimit` bytes of memory took `inputs` in
    /// `arrival` order, and the merger.
    func merged(
        _ inputs: [ReduceTaskRunner.Input],
        arrival: [Int],
        memoryLimit: Int64,
        factor: Int,
        in directory: String
    ) async throws -> ([ReduceTaskRunner.Input], ShuffleMerger) {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let memory = ShuffleMemory(limit: memoryLimit)
        let merger = ShuffleMerger(directory: directory, factor: factor, memory: memory)
        for index in arrival {
            try merger.add(mapIndex: index, try await segment(of: inputs[index], in: memory))
            #expect(memory.used <= memory.limit)
        }
        let final = try merger.finish()
        #expect(merger.bytesInMemory == 0)
        #expect(memory.used == 0, "every segment in memory is freed once written")
        return (final, merger)
    }

    /// The maps of the records of key `0000000001` in `records`, in the order they come.
    func mapsOfEqualKeys(_ records: [[UInt8]]) -> [String] {
        records.filter { $0.prefix(10).elementsEqual("0000000001".utf8) }.map {
            String(decoding: $0[15..<20], as: UTF8.self)
        }
    }

    func records(_ inputs: [ReduceTaskRunner.Input]) throws -> [[UInt8]] {
        let merger = RecordMerger(
            try inputs.map { SegmentReader(file: try FileReadHandle(path: $0.path), segment: $0.segment) }
        )
        var records: [[UInt8]] = []
        while try merger.advance() { records.append(Array(merger.key) + Array(try merger.value())) }
        return records
    }

    func reduceOutput(_ inputs: [ReduceTaskRunner.Input], in directory: String) throws -> Data {
        let task = TaskID(job: JobID(cluster: "20260101000000", sequence: 3), kind: .reduce, index: 0)
        let info = TaskInfo(attempt: AttemptID(task: task, number: 0), parameters: JobParameters())
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        _ = try ReduceTaskRunner.run(
            phase: RecordSortJob(parameters: JobParameters()).phases[0],
            info: info,
            inputs: inputs,
            directory: directory
        )
        return try Data(contentsOf: URL(fileURLWithPath: directory + "/" + task.partFileName))
    }

    @Test func mergedRunsGiveByteIdenticalReduceOutput() throws {
        let directory = try TemporaryDirectory("shuffle-merge")
        let inputs = try (0..<mapCount).map { try writeMapOutput($0, in: directory) }
        let arrival = [5, 0, 1, 2, 3, 4, 9, 8, 7, 6, 22, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21]
        let merger = ShuffleMerger(directory: directory.path, factor: 3)
        for index in arrival { try merger.add(mapIndex: index, .file(inputs[index])) }
        let final = try merger.finish()
        #expect(final.count == 3, "23 maps merged down to the factor")
        #expect(merger.heldRuns.map(\.maps.lowerBound) == merger.heldRuns.map(\.maps.lowerBound).sorted())
        let direct = try records(inputs)
        #expect(try records(final) == direct)
        #expect(direct.count == inputs.reduce(0) { $0 + Int($1.segment.records) })
        let equalKeyMaps = mapsOfEqualKeys(direct)
        #expect(equalKeyMaps == equalKeyMaps.sorted(), "equal keys in map-index order")
        #expect(
            try reduceOutput(final, in: directory.file("merged"))
                == reduceOutput(inputs, in: directory.file("direct"))
        )
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter {
            $0.hasPrefix("merged-")
        }
        #expect(
            leftovers.count == merger.heldRuns.filter { $0.maps.count > 1 }.count,
            "intermediate files are deleted once merged again"
        )
    }

    @Test func noMapsOrTooFewToMergeLeaveTheInputsAlone() throws {
        let directory = try TemporaryDirectory("shuffle-merge-few")
        let merger = ShuffleMerger(directory: directory.path, factor: 4)
        #expect(merger.heldRuns.isEmpty)
        let inputs = try (0..<5).map { try writeMapOutput($0, in: directory) }
        for index in [0, 1, 3, 4] { try merger.add(mapIndex: index, .file(inputs[index])) }
        #expect(
            merger.heldRuns.compactMap(\.input?.path) == [0, 1, 3, 4].map { inputs[$0].path },
            "maps 0, 1 and 3, 4 are not consecutive"
        )
        try merger.add(mapIndex: 2, .file(inputs[2]))
        #expect(merger.heldRuns.count == 2)
        #expect(try records(merger.finish()) == records(inputs))
    }

    @Test func memoryAndDiskMergesKeepMapOrderWithMapsOutOfOrder() async throws {
        let directory = try TemporaryDirectory("shuffle-merge-memory")
        let count = 61
        let inputs = try (0..<count).map { try writeMapOutput($0, in: directory) }
        var generator = SeededGenerator(seed: 7)
        var arrival = Array(0..<count).shuffled(using: &generator)
        arrival.swapAt(0, arrival.firstIndex(of: 0)!)
        arrival.append(arrival.removeFirst())
        let segmentBytes = inputs.map(\.segment.length).max()!
        let (final, merger) = try await merged(
            inputs,
            arrival: arrival,
            memoryLimit: segmentBytes * 9,
            factor: 4,
            in: directory.file("memory")
        )
        #expect(merger.memoryWrites > 0, "segments in memory were merged to disk")
        #expect(merger.levelMerges > 0, "runs were merged on disk while the maps arrived")
        #expect(merger.memoryHighWater <= merger.memory.limit)
        #expect(merger.memory.highWater <= merger.memory.limit)
        #expect(merger.memory.highWater > merger.memory.mergeThreshold / 2, "the memory was used")
        #expect(final.count <= 4)
        let direct = try records(inputs)
        #expect(try records(final) == direct)
        let equalKeyMaps = mapsOfEqualKeys(try records(final))
        #expect(equalKeyMaps.count > count / 2)
        #expect(equalKeyMaps == equalKeyMaps.sorted(), "equal keys in map-index order")
        let (onDisk, diskOnly) = try await merged(
            inputs,
            arrival: arrival,
            memoryLimit: 0,
            factor: 4,
            in: directory.file("disk")
        )
        #expect(diskOnly.memory.highWater == 0 && diskOnly.memoryWrites == 0)
        let expected = try reduceOutput(inputs, in: directory.file("direct-output"))
        #expect(try reduceOutput(final, in: directory.file("memory-output")) == expected)
        #expect(try reduceOutput(onDisk, in: directory.file("disk-output")) == expected)
    }

    @Test func eachLevelRewritesTheRecordsOnce() throws {
        let directory = try TemporaryDirectory("shuffle-merge-levels")
        let input = try writeMapOutput(0, in: directory)
        let merger = ShuffleMerger(directory: directory.path, factor: 10)
        for index in 0..<100 { try merger.add(mapIndex: index, .file(input)) }
        #expect(merger.levelMerges == 11, "ten merges of ten maps, then one of the ten runs")
        #expect(merger.heldRuns.map(\.maps) == [0...99])
        #expect(merger.heldRuns.map(\.level) == [2])
    }
}
