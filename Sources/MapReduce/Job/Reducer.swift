/// A job author's reduce function: turns each key and the stream of its values into output records.
///
/// The framework creates one reducer per reduce task, calls ``setup(_:)`` once,
/// ``reduce(_:values:context:)`` once per distinct key in byte order, then ``cleanup(_:)``.
public protocol Reducer: SendableMetatype {
    /// The intermediate key type, the mapper's `Key`.
    associatedtype Key: SortableKey
    /// The intermediate value type, the mapper's `Value`.
    associatedtype Value: ShuffleValue
    /// The key type of the phase's output format.
    associatedtype OutputKey
    /// The value type of the phase's output format.
    associatedtype OutputValue

    /// Creates a reducer; configuration comes later, in ``setup(_:)``.
    init()

    /// Called once before the first key.
    mutating func setup(_ context: ReduceContext<OutputKey, OutputValue>) throws

    /// Reduces one key; `values` streams from the merge and can be iterated once.
    mutating func reduce(
        _ key: Key,
        values: ReduceValues<Value>,
        context: ReduceContext<OutputKey, OutputValue>
    ) throws

    /// Called once after the last key; may write more records.
    mutating func cleanup(_ context: ReduceContext<OutputKey, OutputValue>) throws
}

extension Reducer {
    /// Does nothing.
    public mutating func setup(_ context: ReduceContext<OutputKey, OutputValue>) throws {}
    /// Does nothing.
    public mutating func cleanup(_ context: ReduceContext<OutputKey, OutputValue>) throws {}
}
