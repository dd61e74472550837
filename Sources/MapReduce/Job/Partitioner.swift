/// A rule that sends each intermediate key to one of the reduce tasks.
///
/// Partitioners see a key's encoded bytes, so every process computes the same partition for the
/// same key.
public protocol Partitioner: Sendable {
    /// The reduce task, in `0..<count`, that receives the key whose encoding is `encodedKey`.
    func partition(of encodedKey: UnsafeRawBufferPointer, among count: Int) -> Int
}

/// The default partitioner: the 64-bit FNV-1a hash of the key's encoded bytes, modulo the reduce count.
///
/// FNV-1a is fixed by its definition, unlike Swift's `Hasher`, which is seeded per process; two
/// task processes must agree on every key's partition.
public struct HashPartitioner: Partitioner {
    /// Creates the partitioner.
    public init() {}

    @inlinable public func partition(of encodedKey: UnsafeRawBufferPointer, among count: Int) -> Int {
        Int(HashPartitioner.fnv1a(encodedKey) % UInt64(count))
    }

    /// The 64-bit FNV-1a hash of `bytes`.
    @inlinable public static func fnv1a(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
