import MapReduce

/// Adds up the bytes of each host in 64-bit arithmetic.
public struct LogBytesReducer: Reducer {
    public init() {}

    public mutating func reduce(
        _ host: ByteSlice, values: ReduceValues<Int64>, context: ReduceContext<ByteSlice, Int64>
    ) throws {
        var total: Int64 = 0
        for bytes in values { total += bytes }
        try context.write(host, total)
    }
}
