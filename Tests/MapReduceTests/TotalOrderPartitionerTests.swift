import Foundation
import MapReduce
import Testing

/// The total-order partitioner's cut points, from a sampled broadcast, and the sampler's choice.
struct TotalOrderPartitionerTests {
    /// A broadcast of `(key, weight)` records, as a sampling phase writes it.
    func broadcast(_ sample: [(String, Int64)]) -> Broadcast {
        var writer = ByteWriter()
        for (key, weight) in sample {
            Array(key.utf8).withUnsafeBytes { writer.writeLengthPrefixed($0) }
            var value = ByteWriter()
            weight.encode(into: &value)
            value.bytes.withUnsafeBytes { writer.writeLengthPrefixed($0) }
        }
        return Broadcast(encoded: writer.bytes)
    }

    func partitioner(_ sample: [(String, Int64)], reduces: Int) throws -> TotalOrderPartitioner {
        var partitioner = TotalOrderPartitioner()
        let attempt = AttemptID(
            task: TaskID(job: JobID(cluster: "1", sequence: 1), phase: 1, kind: .map, index: 0),
            number: 0
        )
        try partitioner.setup(
            PartitionerContext(
                info: TaskInfo(attempt: attempt, parameters: JobParameters(), broadcast: broadcast(sample)),
                reduceCount: reduces
            )
        )
        return partitioner
    }

    func partition(_ key: String, _ partitioner: TotalOrderPartitioner, among count: Int) -> Int {
        Array(key.utf8).withUnsafeBytes { partitioner.partition(of: $0, among: count) }
    }

    @Test func cutPointsSplitTheSampleEvenlyAndKeysFallInOrder() throws {
        let sample = (0..<8).map { (String(UnicodeScalar(UInt8(ascii: "a") + UInt8($0))), Int64(1)) }
        let partitioner = try partitioner(sample, reduces: 4)
        #expect(partitioner.cutPoints.map { String(decoding: $0, as: UTF8.self) } == ["c", "e", "g"])
        #expect(partition("a", partitioner, among: 4) == 0)
        #expect(partition("bz", partitioner, among: 4) == 0)
        #expect(partition("c", partitioner, among: 4) == 1)
        #expect(partition("f", partitioner, among: 4) == 2)
        #expect(partition("zzz", partitioner, among: 4) == 3)
        let keys = (0..<200).map { String(format: "%c%03d", 97 + $0 % 9, $0) }.sorted()
        let partitions = keys.map { partition($0, partitioner, among: 4) }
        #expect(partitions == partitions.sorted(), "sorted keys must go to non-decreasing partitions")
    }

    @Test func weightsMoveTheCuts() throws {
        let partitioner = try partitioner([("a", 1), ("b", 6), ("c", 1)], reduces: 2)
        #expect(partitioner.cutPoints == [Array("b".utf8)])
    }

    @Test func anEmptySampleOrOneReduceSendsEverythingToTheFirst() throws {
        for (sample, reduces) in [([(String, Int64)](), 5), ([("m", 3)], 1)] {
            let partitioner = try partitioner(sample, reduces: reduces)
            #expect(partitioner.cutPoints.isEmpty)
            #expect(partition("anything", partitioner, among: reduces) == 0)
        }
    }

    @Test func theSamplerSpreadsItsSplitsAndRecords() {
        let splits = (0..<25).map { InputSplit(path: "f", start: Int64($0) * 10, length: 10) }
        let sampler = KeySampler(records: 1000, splits: 5)
        #expect(sampler.chosen(from: splits).map(\.start) == [0, 50, 100, 150, 200])
        #expect(sampler.chosen(from: Array(splits.prefix(3))).count == 3)
        #expect(sampler.recordsPerSplit(of: 3) == 334)
    }
}
