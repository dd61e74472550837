/// A job author's map function: turns each input record into intermediate key/value pairs.
///
/// The framework creates one mapper per map task with `init()`, calls ``setup(_:)`` once,
/// ``map(_:context:)`` for every record of the task's split, then ``cleanup(_:)``. Emitted pairs
/// go through ``MapContext/emit(_:_:)``.
public protocol Mapper: SendableMetatype {
    /// The record type the phase's input format reads, e.g. ``TextLine``.
    associatedtype Input
    /// The intermediate key type; the engine sorts and groups by its encoded bytes.
    associatedtype Key: SortableKey
    /// The intermediate value type.
    associatedtype Value: ShuffleValue

    /// Creates a mapper; configuration comes later, in ``setup(_:)``.
    init()

    /// Called once before the first record; read parameters and broadcast data here.
    mutating func setup(_ context: MapContext<Key, Value>) throws

    /// Maps one record.
    mutating func map(_ record: Input, context: MapContext<Key, Value>) throws

    /// Called once after the last record; may emit more pairs.
    mutating func cleanup(_ context: MapContext<Key, Value>) throws
}

extension Mapper {
    /// Does nothing.
    public mutating func setup(_ context: MapContext<Key, Value>) throws {}
    /// Does nothing.
    public mutating func cleanup(_ context: MapContext<Key, Value>) throws {}
}
