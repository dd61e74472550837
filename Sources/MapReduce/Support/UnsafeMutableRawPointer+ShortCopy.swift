extension UnsafeMutableRawPointer {
    /// Copies `bytes` here, a short run of them without a call to `memcpy`.
    ///
    /// Up to sixteen bytes (a word, a small value) are copied with two eight-byte stores, which
    /// may write up to seven bytes of junk after them: the destination must have room for eight
    /// bytes past the copy, which the next write overwrites or nobody reads.
    @inlinable @inline(__always)
    public func copyShort(from bytes: UnsafeRawBufferPointer) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        let count = bytes.count
        if count > 16 {
            copyMemory(from: source, byteCount: count)
        } else if count >= 8 {
            storeBytes(of: source.loadUnaligned(as: UInt64.self), as: UInt64.self)
            (self + (count - 8)).storeBytes(of: (source + (count - 8)).loadUnaligned(as: UInt64.self), as: UInt64.self)
        } else {
            storeBytes(of: KeyBytes.leadingWord(bytes).littleEndian, as: UInt64.self)
        }
    }
}
