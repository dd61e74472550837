/// A rule that sends each intermediate key to one of the reduce tasks.
///
/// Partitioners see a key's encoded bytes, so every process computes the same partition for the
/// same key. A map task calls ``setup(_:)`` once on its own copy before the first key; a
/// partitioner that needs the job's parameters or the phase's broadcast (the cut points of a
/// ``TotalOrderPartitioner``) reads them there.
public protocol Partitioner: Sendable {
    /// Prepares the partitioner for one map task, before any call to ``partition(of:among:)``.
    mutating func setup(_ context: PartitionerContext) throws

    /// The reduce task, in `0..<count`, that receives the key whose encoding is `encodedKey`.
    func partition(of encodedKey: UnsafeRawBufferPointer, among count: Int) -> Int
}

extension Partitioner {
    /// Needs nothing: the partition depends on the key and the reduce count alone.
    public mutating func setup(_ context: PartitionerContext) throws {}
}

/// The default partitioner: a stable 64-bit hash of the key's encoded bytes, modulo the reduce count.
///
/// The hash (``KeyBytes/stableHash(_:)``) is fixed by its definition, unlike Swift's `Hasher`,
/// which is seeded per process; two task processes must agree on every key's partition.
public struct HashPartitioner: Partitioner {
    /// Creates the partitioner.
    public init() {}

    /// The stable hash of the encoded key, modulo `count`.
    @inlinable public func partition(of encodedKey: UnsafeRawBufferPointer, among count: Int) -> Int {
        Int(KeyBytes.stableHash(encodedKey) % UInt64(count))
    }
}
