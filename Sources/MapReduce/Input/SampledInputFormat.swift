/// The input of a total-order phase's sampling phase: the first records of a few evenly spread
/// splits of another input format, as ``KeySampler`` chooses them.
struct SampledInputFormat<Base: InputFormat>: InputFormat {
    typealias Record = Base.Record

    let base: Base
    let sampler: KeySampler

    /// Each chosen split is a task of its own.
    var combinesSmallSplits: Bool { false }

    /// Whether the base format reads input files.
    var readsFiles: Bool { base.readsFiles }

    /// The sampler's choice of the base format's splits.
    func splits(of files: [InputFile], splitSize: Int64) throws -> [InputSplit] {
        sampler.chosen(from: try base.splits(of: files, splitSize: splitSize))
    }

    /// Reads the first records of the split, as many as the sampler takes of each; returns the
    /// bytes of the split when it was read to its end, else none.
    func read(_ split: InputSplit, _ body: (Base.Record) throws -> Void) throws -> Int64 {
        let limit = sampler.recordsPerSplit(of: sampler.splits)
        var count = 0
        do {
            return try base.read(split) { record in
                guard count < limit else { throw Complete() }
                count += 1
                try body(record)
            }
        } catch is Complete {
            return 0
        }
    }

    /// Stops reading a split once the sampler has its records.
    private struct Complete: Error {}
}
