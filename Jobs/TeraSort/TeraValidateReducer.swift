import MapReduce

/// Walks the split summaries in the order of the concatenated part files, checks that each
/// split's first key is not below the previous split's last, adds up the checksums, and writes
/// the report: the verdict line, then `records`, `checksum` and `parts` lines.
struct TeraValidateReducer: Reducer {
    private var total = RecordChecksum()
    private var parts: Set<[UInt8]> = []
    private var previous: (file: String, record: Int64, key: [UInt8])?
    private var problem: String?
    private var checksOrder = true

    init() {}

    mutating func setup(_ context: ReduceContext<ByteString, ByteString>) throws {
        checksOrder = try !TeraValidateJob.Expectation(context.parameters).unordered
    }

    mutating func reduce(
        _ key: KeyPair<ByteString, Int64>,
        values: ReduceValues<SplitSummary>,
        context: ReduceContext<ByteString, ByteString>
    ) throws {
        let file = key.first.description
        parts.insert(key.first.bytes)
        for summary in values {
            if checksOrder, problem == nil, let previous, summary.firstKey.lexicographicallyPrecedes(previous.key) {
                problem = Self.disorder(
                    file: file,
                    record: summary.firstRecord,
                    key: summary.firstKey,
                    after: previous.key,
                    of: "\(previous.file) record \(previous.record)"
                )
            }
            if checksOrder, problem == nil, summary.disorderedRecord >= 0 {
                problem = Self.disorder(
                    file: file,
                    record: summary.disorderedRecord,
                    key: summary.disorderedKey,
                    after: summary.keyBefore,
                    of: "record \(summary.disorderedRecord - 1)"
                )
            }
            total.add(summary.checksum)
            let last = summary.firstRecord + summary.checksum.records - 1
            previous = (file, last, summary.lastKey)
        }
    }

    mutating func cleanup(_ context: ReduceContext<ByteString, ByteString>) throws {
        let expected = try TeraValidateJob.Expectation(context.parameters)
        let verdict: String
        if let problem {
            verdict = "invalid: \(problem)"
        } else if let records = expected.records, records != total.records {
            verdict = "invalid: \(total.records) records, expected \(records)"
        } else if let checksum = expected.checksum, checksum != total.sum {
            verdict = "invalid: checksum \(total.sum), expected \(checksum): the records differ from the input's"
        } else {
            let order = checksOrder ? "in key order" : "(order not checked)"
            let compared = expected.checksum == nil ? "" : ", as expected"
            verdict =
                "valid: \(total.records) records \(order) across \(parts.count) parts, checksum \(total.sum)\(compared)"
        }
        for line in [verdict, "records\t\(total.records)", "checksum\t\(total.sum)", "parts\t\(parts.count)"] {
            try context.write(ByteString(Array(line.utf8)), ByteString([]))
        }
    }

    /// The message naming the first record out of order.
    private static func disorder(
        file: String,
        record: Int64,
        key: [UInt8],
        after before: [UInt8],
        of what: String
    )
        -> String
    {
        "\(file) record \(record) is out of order: key \(TeraRecord.hex(key)) is below key \(TeraRecord.hex(before)) of \(what)"
    }
}
