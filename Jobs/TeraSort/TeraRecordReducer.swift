import MapReduce

/// Writes every record back whole (key, then the rest), in the order the merge hands them out.
struct TeraRecordReducer: Reducer {
    init() {}

    mutating func reduce(
        _ key: ByteSlice,
        values: ReduceValues<ByteSlice>,
        context: ReduceContext<ByteSlice, ByteSlice>
    ) throws {
        for value in values { try context.write(key, value) }
    }
}
