import Foundation
import MapReduce
import MapReduceEngine
import TestSupport
import Testing

/// Total-order partitioning: a sampling phase, then reduces whose parts in order are sorted.
struct TotalOrderTests {
    /// `count` records with random 10-byte keys (`skewed`: 90% share a 6-byte prefix).
    func records(seed: UInt64, count: Int, skewed: Bool = false) -> [UInt8] {
        var generator = SeededGenerator(seed: seed)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count * 100)
        for index in 0..<count {
            var key = (0..<10).map { _ in UInt8.random(in: 0...255, using: &generator) }
            if skewed, index % 10 != 0 { key.replaceSubrange(0..<6, with: Array("SKEWED".utf8)) }
            bytes += key
            bytes += [UInt8](repeating: UInt8(truncatingIfNeeded: index), count: 90)
        }
        return bytes
    }

    func run(_ job: any Job, inputs: [String], output: String, reducers: Int) throws -> JobResult {
        let configuration = JobConfiguration(
            inputs: inputs,
            outputPath: output,
            parameters: JobParameters(["test.sample.records": "2000", "test.sample.splits": "8"]),
            reducers: reducers,
            splitSize: 64 << 10,
            slots: 2
        )
        return try LocalJobRunner(configuration: configuration).run(job, id: JobID(cluster: "1", sequence: 1))
    }

    /// The part files of `directory` in name order, each as its bytes.
    func parts(_ directory: String) throws -> [[UInt8]] {
        try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasPrefix("part-r-") }.sorted()
            .map { Array(try Data(contentsOf: URL(fileURLWithPath: directory + "/" + $0))) }
    }

    func keys(_ bytes: [UInt8]) -> [[UInt8]] {
        stride(from: 0, to: bytes.count, by: 100).map { Array(bytes[$0..<$0 + 10]) }
    }

    func sortedRecords(_ bytes: [UInt8]) -> [[UInt8]] {
        stride(from: 0, to: bytes.count, by: 100).map { Array(bytes[$0..<$0 + 100]) }.sorted {
            $0.lexicographicallyPrecedes($1)
        }
    }

    @Test(arguments: [1, 2, 3, 7])
    func concatenatedPartsAreSorted(reducers: Int) throws {
        let directory = try TemporaryDirectory("total-order-\(reducers)")
        let files = (0..<3).map { records(seed: UInt64($0 + 1), count: 4000) }
        let inputs = try files.enumerated().map { try directory.write("in/part-\($0.offset)", $0.element) }
        let result = try run(
            TotalOrderSortJob(parameters: JobParameters(["test.sample.records": "2000"])),
            inputs: inputs,
            output: directory.file("out"),
            reducers: reducers
        )
        let parts = try parts(directory.file("out"))
        #expect(parts.count == reducers)
        let all = parts.flatMap { $0 }
        let keys = keys(all)
        #expect(keys == keys.sorted { $0.lexicographicallyPrecedes($1) }, "parts in order must be sorted")
        #expect(sortedRecords(all) == sortedRecords(files.flatMap { $0 }), "the output must hold the input's records")
        #expect(all.count == 1_200_000)
        #expect(result.counters[.mapInputRecords] > 12000, "the sampling phase's records count too")
        if reducers > 1 { #expect(parts.allSatisfy { !$0.isEmpty }) }
    }

    @Test func skewedKeysStillBalance() throws {
        let directory = try TemporaryDirectory("total-order-skew")
        let input = try directory.write("in/skewed", records(seed: 9, count: 20000, skewed: true))
        for reducers in [4, 7] {
            _ = try run(
                TotalOrderSortJob(parameters: JobParameters()),
                inputs: [input],
                output: directory.file("out-\(reducers)"),
                reducers: reducers
            )
            let sizes = try parts(directory.file("out-\(reducers)")).map(\.count)
            let even = 20000 * 100 / reducers
            #expect(sizes.reduce(0, +) == 20000 * 100)
            #expect(sizes.allSatisfy { $0 <= 2 * even }, "\(reducers) reduces: part sizes \(sizes), even \(even)")
            let keys = keys(try parts(directory.file("out-\(reducers)")).flatMap { $0 })
            #expect(keys == keys.sorted { $0.lexicographicallyPrecedes($1) })
        }
    }

    @Test func generatedInputSortsAndAnEmptyOneGivesEmptyParts() throws {
        let directory = try TemporaryDirectory("total-order-generated")
        for rows in [0, 5000] {
            let output = directory.file("out-\(rows)")
            let configuration = JobConfiguration(
                inputs: [],
                outputPath: output,
                parameters: JobParameters(["test.rows": "\(rows)"]),
                reducers: 3,
                slots: 2
            )
            let job = try GeneratedTotalOrderJob(parameters: configuration.parameters)
            #expect(!job.readsInputFiles)
            _ = try LocalJobRunner(configuration: configuration).run(job, id: JobID(cluster: "1", sequence: 2))
            let lines = try parts(output).flatMap { String(decoding: $0, as: UTF8.self).split(separator: "\n") }
            let keys = lines.map { UInt64($0.split(separator: "\t")[0])! }
            #expect(keys.count == rows)
            #expect(keys == keys.sorted())
            #expect(try parts(output).count == 3)
        }
    }
}
