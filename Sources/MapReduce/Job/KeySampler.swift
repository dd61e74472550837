/// How a total-order phase samples its keys before its maps run, as Hadoop's `InputSampler`
/// (its `SplitSampler`, the one TeraSort uses) does.
///
/// The sampling phase takes up to ``splits`` of the phase's input splits, evenly spread over the
/// input (the first, then every `n/splits`-th), reads the first `⌈records/splits⌉` records of
/// each through the phase's input format, and runs the phase's own mapper on them: the sample is
/// of the keys the mapper emits, which for an identity-keyed sort are the input keys, as in
/// Hadoop. One reduce task then writes the sorted sample, each distinct key with how often it was
/// emitted, as the broadcast the ``TotalOrderPartitioner`` of every map of the sorting phase
/// reads. The first records of a split stand for the whole split, so an input sorted within its
/// splits samples poorly; more, smaller splits (`--split-size`) sample it better.
public struct KeySampler: Sendable, Equatable {
    /// The most records the sampler reads in all.
    public let records: Int
    /// The most splits it reads them from.
    public let splits: Int

    /// Creates a sampler of up to `records` records from up to `splits` splits; Hadoop's TeraSort
    /// samples 100,000 records from 10 splits.
    public init(records: Int = 100_000, splits: Int = 10) {
        precondition(records > 0 && splits > 0, "a sampler reads at least one record of one split")
        self.records = records
        self.splits = splits
    }

    /// The splits to sample out of `all`: up to ``splits`` of them, evenly spread, in order.
    public func chosen(from all: [InputSplit]) -> [InputSplit] {
        guard all.count > splits else { return all }
        return (0..<splits).map { all[$0 * all.count / splits] }
    }

    /// How many records to read of each of `count` chosen splits.
    public func recordsPerSplit(of count: Int) -> Int {
        count == 0 ? 0 : (records + count - 1) / count
    }
}
