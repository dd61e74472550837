/// Sends keys to reduce tasks by range, so that the part files in order hold the keys in order,
/// as Hadoop's `TotalOrderPartitioner` does.
///
/// The partitioner reads a sorted sample of the phase's keys from its broadcast in ``setup(_:)``
/// (a ``Phase/totalOrder(_:input:mapper:reducer:output:sampler:)`` job's sampling phase writes it)
/// and picks `R − 1` cut points that split the sample into `R` parts of about equal weight. Reduce
/// task `i` receives the keys `k` with `cut[i − 1] <= k < cut[i]`, comparing encoded keys as the
/// shuffle sorts them (``KeyBytes/compare(_:_:)``), so concatenating `part-r-00000`, `part-r-00001`,
/// … gives every key in sort order. Every map task computes the same cut points from the same
/// sample. An empty sample gives no cut points: every key goes to the first reduce task.
public struct TotalOrderPartitioner: Partitioner {
    /// The encoded keys that start reduce tasks 1, 2, …, in order; empty before setup.
    public private(set) var cutPoints: [[UInt8]]

    /// Creates a partitioner whose cut points come from the broadcast at setup.
    public init() {
        cutPoints = []
    }

    /// Reads the sample (encoded keys with their `Int64` weights, in key order) from the broadcast
    /// and picks the cut points for `context.reduceCount` reduce tasks.
    public mutating func setup(_ context: PartitionerContext) throws {
        let sample = try Self.sample(from: context.broadcast)
        cutPoints = Self.cutPoints(of: sample, parts: context.reduceCount)
    }

    /// The number of cut points at or below the key: the reduce task whose range holds it.
    public func partition(of encodedKey: UnsafeRawBufferPointer, among count: Int) -> Int {
        var low = 0
        var high = cutPoints.count
        while low < high {
            let middle = (low + high) / 2
            let order = cutPoints[middle].withUnsafeBytes { KeyBytes.compare($0, encodedKey) }
            if order <= 0 { low = middle + 1 } else { high = middle }
        }
        return min(low, count - 1)
    }

    /// The weighted sample a sampling phase broadcast: each record's encoded key and its weight.
    static func sample(from broadcast: Broadcast) throws -> [(key: [UInt8], weight: Int64)] {
        try broadcast.encoded.withUnsafeBytes { raw in
            var reader = ByteReader(raw)
            var sample: [(key: [UInt8], weight: Int64)] = []
            while !reader.isAtEnd {
                let key = [UInt8](try reader.readLengthPrefixed())
                var valueReader = ByteReader(try reader.readLengthPrefixed())
                sample.append((key, max(0, try Int64(decoding: &valueReader))))
            }
            return sample
        }
    }

    /// The cut points that divide a sorted, weighted sample into `parts` ranges of about equal
    /// weight: cut `i` is the sample key at weighted rank `⌊W·i/parts⌋`, where `W` is the total
    /// weight. Equal cuts (a key heavier than a part) are kept, leaving the ranges between them empty.
    static func cutPoints(of sample: [(key: [UInt8], weight: Int64)], parts: Int) -> [[UInt8]] {
        let total = sample.reduce(0) { $0 + $1.weight }
        guard parts > 1, total > 0 else { return [] }
        var cuts: [[UInt8]] = []
        cuts.reserveCapacity(parts - 1)
        var index = 0
        var before: Int64 = 0
        for cut in 1..<parts {
            let rank = Int64((Double(total) * Double(cut) / Double(parts)).rounded(.down))
            while before + sample[index].weight <= rank {
                before += sample[index].weight
                index += 1
            }
            cuts.append(sample[index].key)
        }
        return cuts
    }
}
