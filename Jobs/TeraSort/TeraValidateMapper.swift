import MapReduce

/// Summarises each split of the sorted output: its key range, checksum and first disorder, keyed
/// by the part file's name and the split's first record so that the reducer meets the splits
/// in the order of the concatenated parts.
struct TeraValidateMapper: Mapper {
    private var split: InputSplit?
    private var summary = SplitSummary(firstRecord: 0)

    init() {}

    mutating func map(
        _ record: FixedLengthRecord,
        context: MapContext<KeyPair<ByteString, Int64>, SplitSummary>
    ) throws {
        if split != context.inputSplit {
            try flush(context)
            split = context.inputSplit
            summary = SplitSummary(firstRecord: record.offset / Int64(TeraRecord.length))
        }
        summary.add(record.bytes, index: record.offset / Int64(TeraRecord.length))
    }

    mutating func cleanup(_ context: MapContext<KeyPair<ByteString, Int64>, SplitSummary>) throws {
        try flush(context)
    }

    /// Emits the summary of the split just read, if any.
    private mutating func flush(_ context: MapContext<KeyPair<ByteString, Int64>, SplitSummary>) throws {
        guard let split, summary.checksum.records > 0 else { return }
        let name = split.path.split(separator: "/").last.map(String.init) ?? split.path
        try context.emit(KeyPair(ByteString(Array(name.utf8)), summary.firstRecord), summary)
        self.split = nil
    }
}
