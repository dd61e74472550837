/// A rule that sends each intermediate key to one of the reduce tasks.
///
/// Partitioners see a key's encoded bytes, so every process computes the same partition for the
/// same key.
public protocol Partitioner: Sendable {
    /// The reduce task, in `0..<count`, that receives the key whose encoding is `encodedKey`.
    func partition(of encodedKey: UnsafeRawBufferPointer, among count: Int) -> Int
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
