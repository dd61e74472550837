/// Where a map task's sorted runs of output go: the engine's spill writer.
///
/// The map output buffer calls ``beginRun()``, then ``append(partition:key:value:tail:)`` for
/// every record in (partition, key bytes) order, then ``endRun()``, once per spill.
public protocol MapOutputSink: AnyObject {
    /// Starts a sorted run.
    func beginRun() throws
    /// Appends one record of the run, whose value is `value` followed by `tail` (empty unless the
    /// value came as a ``SplitEncoding``); the bytes are borrowed for the call.
    func append(
        partition: Int,
        key: UnsafeRawBufferPointer,
        value: UnsafeRawBufferPointer,
        tail: UnsafeRawBufferPointer
    ) throws
    /// Ends the run.
    func endRun() throws
}

extension MapOutputSink {
    /// Appends one record whose value is in one piece.
    public func append(partition: Int, key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer) throws {
        try append(partition: partition, key: key, value: value, tail: UnsafeRawBufferPointer(start: nil, count: 0))
    }
}
