import Glibc

/// The map output buffer's open-addressing hash table of distinct keys, each with its folded value.
///
/// A slot holds everything a lookup compares: the key's first eight bytes (its sort prefix), a
/// tag from the hash's high bits together with the key's length, and the value itself. A key of
/// at most eight bytes is found, compared and combined in its one slot without touching the key
/// arena; a longer one compares its remaining bytes there. Linear probing, at most half full.
/// Storage is managed by hand: its owner calls ``deallocate()`` once.
@usableFromInline
struct CombiningTable<Value> {
    @usableFromInline struct Slot {
        /// The key's first eight bytes, big-endian and zero-padded (``KeyBytes/prefix(_:)``).
        @usableFromInline var prefix: UInt64
        /// The hash's high 32 bits with the highest set (the tag), then the key's length; 0 for an
        /// empty slot. The tag's low bits are the key's home slot, so growing needs no rehash.
        @usableFromInline var tagAndLength: UInt64
        @usableFromInline var keyOffset: UInt32
        @usableFromInline var partition: UInt32
        @usableFromInline var value: Value

        @inlinable init(prefix: UInt64, tagAndLength: UInt64, keyOffset: UInt32, partition: UInt32, value: Value) {
            self.prefix = prefix
            self.tagAndLength = tagAndLength
            self.keyOffset = keyOffset
            self.partition = partition
            self.value = value
        }
    }

    @usableFromInline var slots: UnsafeMutablePointer<Slot>
    @usableFromInline var capacity: Int
    /// The number of keys held.
    @usableFromInline var count = 0

    @inlinable init(capacity: Int) {
        self.capacity = capacity
        slots = Self.allocateEmpty(capacity)
    }

    /// Zeroed storage for `capacity` slots, from `calloc`: a large table comes as fresh pages,
    /// which are zero already, so it is not written twice. ``free(_:)`` releases it.
    @inlinable static func allocateEmpty(_ capacity: Int) -> UnsafeMutablePointer<Slot> {
        guard let memory = calloc(capacity, MemoryLayout<Slot>.stride) else {
            fatalError("out of memory for a combining table of \(capacity) slots")
        }
        return memory.bindMemory(to: Slot.self, capacity: capacity)
    }

    /// Releases storage from ``allocateEmpty(_:)`` whose slots are uninitialized.
    @inlinable static func free(_ slots: UnsafeMutablePointer<Slot>) {
        Glibc.free(slots)
    }

    /// The tag-and-length word that a key with `hash` and `length` has in its slot.
    @inlinable @inline(__always) static func tagAndLength(hash: UInt64, length: Int) -> UInt64 {
        (hash | 0x8000_0000_0000_0000) & 0xFFFF_FFFF_0000_0000 | UInt64(truncatingIfNeeded: length)
    }

    /// The home slot of a key whose tag-and-length word is `tagAndLength`, in a table of `mask + 1` slots.
    @inlinable @inline(__always) static func home(_ tagAndLength: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: tagAndLength >> 32) & mask
    }

    /// The slot holding the key, or the empty slot where it belongs.
    ///
    /// - Parameters:
    ///   - prefix: ``KeyBytes/prefix(_:)`` of the key, which settles keys of up to eight bytes.
    ///   - arena: the key arena, where a held key's bytes start at its slot's `keyOffset`.
    @inlinable @inline(__always) func find(
        _ key: UnsafeRawBufferPointer,
        hash: UInt64,
        prefix: UInt64,
        arena: UnsafePointer<UInt8>
    ) -> UnsafeMutablePointer<Slot> {
        let mask = capacity &- 1
        let wanted = Self.tagAndLength(hash: hash, length: key.count)
        var index = Self.home(wanted, mask: mask)
        while true {
            let slot = slots + index
            let held = slot.pointee.tagAndLength
            if held == 0 { return slot }
            if held == wanted, slot.pointee.prefix == prefix,
                key.count <= 8
                    || KeyBytes.equal(
                        UnsafeRawPointer(arena + Int(slot.pointee.keyOffset) + 8),
                        key.baseAddress! + 8,
                        count: key.count - 8
                    )
            {
                return slot
            }
            index = (index + 1) & mask
        }
    }

    /// Fills the empty slot `slot` (from ``find(_:hash:prefix:arena:)``) with a new key.
    @inlinable mutating func insert(
        at slot: UnsafeMutablePointer<Slot>,
        hash: UInt64,
        length: Int,
        prefix: UInt64,
        keyOffset: Int,
        partition: Int,
        value: Value
    ) {
        slot.initialize(
            to: Slot(
                prefix: prefix,
                tagAndLength: Self.tagAndLength(hash: hash, length: length),
                keyOffset: UInt32(truncatingIfNeeded: keyOffset),
                partition: UInt32(truncatingIfNeeded: partition),
                value: value
            )
        )
        count += 1
    }

    /// Whether the table is full enough to be doubled.
    @inlinable var needsGrowth: Bool { count * 2 > capacity }

    /// Doubles the table, moving every key to its home slot (or the next free one) in the new one.
    @usableFromInline mutating func grow() {
        let old = slots
        let oldCapacity = capacity
        capacity *= 2
        slots = Self.allocateEmpty(capacity)
        let mask = capacity - 1
        for index in 0..<oldCapacity where old[index].tagAndLength != 0 {
            var target = Self.home(old[index].tagAndLength, mask: mask)
            while slots[target].tagAndLength != 0 { target = (target + 1) & mask }
            (slots + target).moveInitialize(from: old + index, count: 1)
        }
        Self.free(old)
    }

    /// Calls `body` with each occupied slot's index.
    @inlinable func forEachOccupied(_ body: (Int) throws -> Void) rethrows {
        for index in 0..<capacity where slots[index].tagAndLength != 0 { try body(index) }
    }

    /// Forgets every key and shrinks the table to `capacity` slots.
    @usableFromInline mutating func reset(capacity newCapacity: Int) {
        forEachOccupied { (slots + $0).deinitialize(count: 1) }
        if newCapacity == capacity {
            UnsafeMutableRawPointer(slots).initializeMemory(
                as: UInt8.self,
                repeating: 0,
                count: capacity * MemoryLayout<Slot>.stride
            )
        } else {
            Self.free(slots)
            capacity = newCapacity
            slots = Self.allocateEmpty(capacity)
        }
        count = 0
    }

    /// Destroys every value and frees the storage.
    @usableFromInline mutating func deallocate() {
        forEachOccupied { (slots + $0).deinitialize(count: 1) }
        Self.free(slots)
    }
}
