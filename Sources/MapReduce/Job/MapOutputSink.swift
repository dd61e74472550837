/// Where a map task's sorted runs of output go: the engine's spill writer.
///
/// The map output buffer calls ``beginRun()``, then ``append(partition:key:value:)`` for every
/// record in (partition, key bytes) order, then ``endRun()``, once per spill.
public protocol MapOutputSink: AnyObject {
    /// Starts a sorted run.
    func beginRun() throws
    /// Appends one record of the run; the bytes are borrowed for the call.
    func append(partition: Int, key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer) throws
    /// Ends the run.
    func endRun() throws
}
