import MapReduce

/// Sorts 100-byte records by their first 10 bytes, as TeraSort does: fixed-length input,
/// borrowed `ByteSlice` keys and values, raw output.
struct RecordSortJob: Job {
    static let name = "test-record-sort"
    static let summary = "Sorts 100-byte records by their 10-byte keys"

    init(parameters: JobParameters) {}

    var phases: [Phase] {
        [
            Phase(
                "sort",
                input: FixedLengthInputFormat(recordLength: 100),
                mapper: RecordSortMapper.self,
                reducer: RecordSortReducer.self,
                output: RawOutputFormat<ByteSlice, ByteSlice>()
            )
        ]
    }
}

/// Emits each record as (its 10-byte key, the other 90 bytes).
struct RecordSortMapper: Mapper {
    init() {}

    mutating func map(_ record: FixedLengthRecord, context: MapContext<ByteSlice, ByteSlice>) throws {
        try context.emit(record.bytes[bytes: 0..<10], record.bytes[bytes: 10..<100])
    }
}

/// Writes every record back whole, in the order the merge hands them out.
struct RecordSortReducer: Reducer {
    init() {}

    mutating func reduce(
        _ key: ByteSlice,
        values: ReduceValues<ByteSlice>,
        context: ReduceContext<ByteSlice, ByteSlice>
    ) throws {
        for value in values { try context.write(key, value) }
    }
}
