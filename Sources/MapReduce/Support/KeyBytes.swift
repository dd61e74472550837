import Glibc

/// Fast, fixed helpers over encoded key bytes: a stable hash, equality, and an order-preserving prefix.
public enum KeyBytes {
    /// A 64-bit hash of `bytes` that is the same in every process and on every machine.
    ///
    /// It reads the bytes eight at a time as little-endian words (a key of at most eight bytes is
    /// one zero-padded word, however short) and mixes them with
    /// multiply-xorshift steps (in the manner of wyhash and xxHash); unlike Swift's `Hasher` it is
    /// never seeded, so partitions agree across task processes.
    @inlinable public static func stableHash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        stableHash(bytes, leadingWord: leadingWord(bytes))
    }

    /// ``stableHash(_:)`` of `bytes` whose ``leadingWord(_:)`` is already known.
    @inlinable @inline(__always) public static func stableHash(
        _ bytes: UnsafeRawBufferPointer,
        leadingWord: UInt64
    ) -> UInt64 {
        finalize(mixedHash(bytes, leadingWord: leadingWord))
    }

    /// ``stableHash(_:leadingWord:)`` before its last avalanche step: `finalize(mixedHash(...))`
    /// is the stable hash. Its high bits are well mixed already, enough for a hash table that
    /// computes the stable hash only for the keys it adds.
    @inlinable @inline(__always) static func mixedHash(
        _ bytes: UnsafeRawBufferPointer,
        leadingWord: UInt64
    ) -> UInt64 {
        let count = bytes.count
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ (UInt64(truncatingIfNeeded: count) &* 0xC2B2_AE3D_27D4_EB4F)
        if count <= 8 { return count == 0 ? hash : mix(hash ^ leadingWord) }
        let base = bytes.baseAddress!
        var offset = 0
        while offset + 8 <= count {
            let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            hash = mix(hash ^ word)
            offset += 8
        }
        if offset < count {
            hash = mix(hash ^ Self.leadingWord(UnsafeRawBufferPointer(rebasing: bytes[offset...])))
        }
        return hash
    }

    /// The first eight bytes (all of them if fewer, zero-padded) as a little-endian number.
    ///
    /// A short key is read with one eight-byte load, masked, when that load stays inside the
    /// key's memory page (the bytes after the key are read but ignored; they cannot fault),
    /// and byte by byte otherwise.
    @inlinable @inline(__always) public static func leadingWord(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let count = bytes.count
        guard let base = bytes.baseAddress, count > 0 else { return 0 }
        if count >= 8 { return UInt64(littleEndian: base.loadUnaligned(as: UInt64.self)) }
        if UInt(bitPattern: base) & 0xFFF <= 0xFF8 {
            let word = UInt64(littleEndian: base.loadUnaligned(as: UInt64.self))
            return word & (UInt64.max >> (64 - 8 * count))
        }
        var word: UInt64 = 0
        for index in 0..<count { word |= UInt64(base.load(fromByteOffset: index, as: UInt8.self)) << (8 * index) }
        return word
    }

    @inlinable @inline(__always) static func mix(_ value: UInt64) -> UInt64 {
        let product = value.multipliedFullWidth(by: 0xA076_1D64_78BD_642F)
        return product.high ^ product.low
    }

    @inlinable @inline(__always) static func finalize(_ value: UInt64) -> UInt64 {
        var hash = value ^ (value >> 33)
        hash = hash &* 0xFF51_AFD7_ED55_8CCD
        return hash ^ (hash >> 33)
    }

    /// Whether `count` bytes at `left` and `right` are equal.
    @inlinable public static func equal(_ left: UnsafeRawPointer, _ right: UnsafeRawPointer, count: Int) -> Bool {
        var offset = 0
        while offset + 8 <= count {
            if left.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                != right.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            {
                return false
            }
            offset += 8
        }
        while offset < count {
            if left.load(fromByteOffset: offset, as: UInt8.self) != right.load(fromByteOffset: offset, as: UInt8.self) {
                return false
            }
            offset += 1
        }
        return true
    }

    /// The first eight bytes as a big-endian number, zero-padded: comparing prefixes orders keys
    /// as comparing their bytes does, except that equal prefixes need a full comparison.
    @inlinable public static func prefix(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        leadingWord(bytes).byteSwapped
    }

    /// Compares two byte strings as unsigned bytes: negative, zero or positive.
    @inlinable public static func compare(_ left: UnsafeRawBufferPointer, _ right: UnsafeRawBufferPointer) -> Int {
        let common = min(left.count, right.count)
        if common > 0 {
            let order = memcmp(left.baseAddress!, right.baseAddress!, common)
            if order != 0 { return Int(order) }
        }
        return left.count - right.count
    }
}
