import MapReduce

/// Adds up the counts of each word.
public struct WordCountReducer: Reducer {
    public init() {}

    public mutating func reduce(
        _ word: ByteSlice, values: ReduceValues<Int>, context: ReduceContext<ByteSlice, Int>
    ) throws {
        var total = 0
        for count in values { total += count }
        try context.write(word, total)
    }
}
