/// The reducer of a total-order phase's sampling phase: writes each sampled key, in order, with
/// how many times the mapper emitted it, for the ``TotalOrderPartitioner`` to weigh.
struct SampleReducer<Key: SortableKey, Value: ShuffleValue>: Reducer {
    init() {}

    mutating func reduce(_ key: Key, values: ReduceValues<Value>, context: ReduceContext<Key, Int64>) throws {
        var count: Int64 = 0
        for _ in values { count += 1 }
        try context.write(key, count)
    }
}
