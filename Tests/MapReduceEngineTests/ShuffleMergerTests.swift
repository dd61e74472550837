import Foundation
import MapReduce
import TestSupport
import Testing

@testable import MapReduceEngine

/// Merging consecutive maps' segments while fetching changes nothing the reducer sees.
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
        for index in arrival { try merger.add(mapIndex: index, input: inputs[index]) }
        #expect(merger.inputs.count < 5, "23 maps merged three at a time")
        #expect(merger.heldRuns.map(\.maps.lowerBound) == merger.heldRuns.map(\.maps.lowerBound).sorted())
        let direct = try records(inputs)
        #expect(try records(merger.inputs) == direct)
        #expect(direct.count == inputs.reduce(0) { $0 + Int($1.segment.records) })
        let equalKeyMaps = direct.filter { $0.prefix(10).elementsEqual("0000000001".utf8) }.map {
            String(decoding: $0[15..<20], as: UTF8.self)
        }
        #expect(equalKeyMaps == equalKeyMaps.sorted(), "equal keys in map-index order")
        #expect(
            try reduceOutput(merger.inputs, in: directory.file("merged"))
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
        #expect(merger.inputs.isEmpty)
        let inputs = try (0..<5).map { try writeMapOutput($0, in: directory) }
        for index in [0, 1, 3, 4] { try merger.add(mapIndex: index, input: inputs[index]) }
        #expect(
            merger.inputs.map(\.path) == [0, 1, 3, 4].map { inputs[$0].path },
            "maps 0, 1 and 3, 4 are not consecutive"
        )
        try merger.add(mapIndex: 2, input: inputs[2])
        #expect(merger.inputs.count == 2)
        #expect(try records(merger.inputs) == records(inputs))
    }
}
