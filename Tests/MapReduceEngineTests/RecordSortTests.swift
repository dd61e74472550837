import Foundation
import MapReduce
import MapReduceEngine
import TestSupport
import Testing

/// A TeraSort-shaped job: equal keys keep map-index order, through spills and merges.
struct RecordSortTests {
    /// `count` records whose keys come from few distinct values (so many are equal) and whose
    /// values name their file and position.
    func records(file: Int, count: Int, distinctKeys: Int) -> [UInt8] {
        var generator = SeededGenerator(seed: UInt64(file + 1))
        var bytes: [UInt8] = []
        for index in 0..<count {
            let key = Int.random(in: 0..<distinctKeys, using: &generator)
            bytes += Array(String(format: "%010d", key * 7919 % 1_000_003).utf8)
            bytes += Array(String(format: "file %03d record %08d", file, index).utf8)
            bytes += [UInt8](repeating: UInt8(ascii: "."), count: 90 - 24)
        }
        return bytes
    }

    func run(_ inputs: [String], output: String, buffer: Int) throws -> JobResult {
        let configuration = JobConfiguration(
            inputs: inputs,
            outputPath: output,
            reducers: 1,
            splitSize: 1 << 20,
            mapBufferSize: buffer,
            slots: 2
        )
        return try LocalJobRunner(configuration: configuration).run(
            RecordSortJob(parameters: JobParameters()),
            id: JobID(cluster: "20260101000000", sequence: 7)
        )
    }

    /// The records stably sorted by key: equal keys in input (map, then record) order.
    func expected(_ files: [[UInt8]]) -> [UInt8] {
        let all = files.flatMap { file in stride(from: 0, to: file.count, by: 100).map { Array(file[$0..<$0 + 100]) } }
        let order = all.indices.sorted { a, b in
            let (left, right) = (all[a].prefix(10), all[b].prefix(10))
            return left.lexicographicallyPrecedes(right) || (left.elementsEqual(right) && a < b)
        }
        return order.flatMap { all[$0] }
    }

    @Test func equalKeysKeepMapOrderWithAndWithoutSpills() throws {
        let directory = try TemporaryDirectory("record-sort")
        let files = (0..<3).map { records(file: $0, count: 6000, distinctKeys: $0 == 1 ? 3 : 500) }
        let inputs = try files.enumerated().map { try directory.write("in/part-\($0.offset)", $0.element) }
        let want = expected(files)
        for (name, buffer) in [("whole", 64 << 20), ("spilled", 64 << 10)] {
            let result = try run(inputs, output: directory.file(name), buffer: buffer)
            let got = Array(try Data(contentsOf: URL(fileURLWithPath: directory.file(name + "/part-r-00000"))))
            #expect(got.count == want.count, "\(name)")
            #expect(got == want, "\(name): output differs from a stable sort")
            #expect(result.counters[.reduceOutputRecords] == 18000)
        }
    }

    @Test func emptyInputFilesGiveAnEmptyOutput() throws {
        let directory = try TemporaryDirectory("record-sort-empty")
        let input = try directory.write("in/empty", [])
        _ = try run(
            [input, try directory.write("in/one", records(file: 0, count: 1, distinctKeys: 1))],
            output: directory.file("out"),
            buffer: 1 << 20
        )
        #expect(try Data(contentsOf: URL(fileURLWithPath: directory.file("out/part-r-00000"))).count == 100)
    }
}

/// A small deterministic random number generator (SplitMix64), so test data is the same every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
