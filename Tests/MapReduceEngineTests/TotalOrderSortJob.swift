import MapReduce

/// Sorts 100-byte records by their first 10 bytes into globally ordered parts: a total-order
/// pass, sampling `test.sample.records` records from `test.sample.splits` splits.
struct TotalOrderSortJob: Job {
    static let name = "test-total-order-sort"
    static let summary = "Sorts 100-byte records into globally ordered parts"

    let sampler: KeySampler

    init(parameters: JobParameters) throws {
        sampler = KeySampler(
            records: try parameters.int("test.sample.records", default: 1000),
            splits: try parameters.int("test.sample.splits", default: 10)
        )
    }

    var phases: [Phase] {
        Phase.totalOrder(
            "sort",
            input: FixedLengthInputFormat(recordLength: 100),
            mapper: RecordSortMapper.self,
            reducer: RecordSortReducer.self,
            output: RawOutputFormat<ByteSlice, ByteSlice>(),
            sampler: sampler
        )
    }
}

/// A total-order pass over generated rows: `test.rows` rows in 3 splits, each emitted under a
/// scrambled 8-byte key, written as `key<TAB>row` lines.
struct GeneratedTotalOrderJob: Job {
    static let name = "test-generated-total-order"
    static let summary = "Sorts scrambled row numbers of generated input"

    let rows: Int64

    init(parameters: JobParameters) throws {
        rows = Int64(try parameters.int("test.rows", default: 0))
    }

    var phases: [Phase] {
        Phase.totalOrder(
            "sort",
            input: GeneratedInputFormat(rows: rows, splits: 3),
            mapper: ScrambledRowMapper.self,
            reducer: UInt64RowReducer.self,
            output: TextOutputFormat<UInt64, Int64>()
        )
    }
}

/// Emits each row under a scrambled key.
struct ScrambledRowMapper: Mapper {
    init() {}

    mutating func map(_ row: Int64, context: MapContext<UInt64, Int64>) throws {
        try context.emit(UInt64(bitPattern: row) &* 0x9E37_79B9_7F4A_7C15, row)
    }
}

/// Writes each key's rows.
struct UInt64RowReducer: Reducer {
    init() {}

    mutating func reduce(_ key: UInt64, values: ReduceValues<Int64>, context: ReduceContext<UInt64, Int64>) throws {
        for row in values { try context.write(key, row) }
    }
}
