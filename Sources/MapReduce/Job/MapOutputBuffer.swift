import Glibc

/// A map task's bounded in-memory output: pairs are partitioned, aggregated or appended, and
/// spilled to the engine as sorted runs whenever the buffer reaches its size limit.
///
/// With a combiner, pairs aggregate in an open-addressing hash table keyed by the encoded key
/// bytes, so a frequent key occupies one entry. Without one, encoded pairs are appended to an
/// arena; an encoded value of ``largeValueBytes`` or more (an image band) keeps its own buffer
/// instead of being copied into the arena. A value that offers a ``SplitEncoding`` keeps the
/// buffer it holds, never copied; any other large one is encoded into a buffer reserved at its
/// ``ShuffleValue/approximateByteCount``, so that it is written once rather than regrown (fresh
/// memory is costly: each growth touches new pages). Either way a spill sorts the entries by
/// (partition, key bytes) and streams them to the ``MapOutputSink``. Storage is managed by hand:
/// this is the hottest code of a map task.
@usableFromInline
final class MapOutputBuffer<Value: ShuffleValue> {
    @usableFromInline struct Entry {
        @usableFromInline var keyOffset: UInt32
        @usableFromInline var keyLength: UInt32
        @usableFromInline var valueOffset: UInt32
        @usableFromInline var valueLength: UInt32
        @usableFromInline var partition: UInt32
        /// Whether the value is `largeValues[valueOffset]` rather than bytes of the value arena.
        @usableFromInline var isLarge: Bool
        @usableFromInline var prefix: UInt64

        @inlinable init(
            keyOffset: UInt32,
            keyLength: UInt32,
            valueOffset: UInt32,
            valueLength: UInt32,
            partition: UInt32,
            isLarge: Bool,
            prefix: UInt64
        ) {
            self.keyOffset = keyOffset
            self.keyLength = keyLength
            self.valueOffset = valueOffset
            self.valueLength = valueLength
            self.partition = partition
            self.isLarge = isLarge
            self.prefix = prefix
        }
    }

    /// What sorting needs of an entry of either kind, laid out contiguously for the sort.
    @usableFromInline struct SortItem {
        @usableFromInline var prefix: UInt64
        @usableFromInline var partition: UInt32
        @usableFromInline var index: UInt32
        @usableFromInline var keyOffset: UInt32
        @usableFromInline var keyLength: UInt32

        @inlinable init(prefix: UInt64, partition: UInt32, index: UInt32, keyOffset: UInt32, keyLength: UInt32) {
            self.prefix = prefix
            self.partition = partition
            self.index = index
            self.keyOffset = keyOffset
            self.keyLength = keyLength
        }
    }

    @usableFromInline let limit: Int
    @usableFromInline let reduceCount: Int
    @usableFromInline let partitioner: any Partitioner
    @usableFromInline let hashPartitions: Bool
    /// Whether a combiner folds values (``combine`` is then the combiner's function).
    @usableFromInline let combines: Bool
    @usableFromInline let combine: (inout Value, Value) -> Void
    /// Whether ``combine`` is `+=` on an integer type that ``addInPlace(_:to:)`` adds without a call.
    @usableFromInline let addsInPlace: Bool
    @usableFromInline let sink: any MapOutputSink
    /// The bytes of one combining table slot.
    @usableFromInline let slotStride = MemoryLayout<CombiningTable<Value>.Slot>.stride
    @exclusivity(unchecked) @usableFromInline var keyArena = UnsafeGrowableBuffer<UInt8>(capacity: 1 << 16)
    @exclusivity(unchecked) @usableFromInline var valueArena = UnsafeGrowableBuffer<UInt8>(capacity: 1 << 16)
    @exclusivity(unchecked) @usableFromInline var entries = UnsafeGrowableBuffer<Entry>(capacity: 1 << 10)
    @exclusivity(unchecked) @usableFromInline var table: CombiningTable<Value>
    @exclusivity(unchecked) @usableFromInline var valueBytes = 0
    /// Not next to ``outputRecords``: the two are added to for every pair, and side by side the
    /// optimizer pairs the additions into vector instructions that cost more than two scalar ones.
    /// With a combiner, each pair adds one byte less than its size, and ``finish()`` adds
    /// ``outputRecords`` (see ``encodedByteCountBeyondOne(_:)``).
    @exclusivity(unchecked) @usableFromInline var outputBytes: Int64 = 0
    @exclusivity(unchecked) @usableFromInline var largeValues: [SplitEncoding] = []
    @exclusivity(unchecked) @usableFromInline var largeValueTotal = 0
    @exclusivity(unchecked) @usableFromInline var valueScratch = ByteWriter()
    @exclusivity(unchecked) @usableFromInline var counters = Counters()
    @exclusivity(unchecked) @usableFromInline var outputRecords: Int64 = 0

    /// The encoded size from which a value is kept in its own buffer, not copied into the arena.
    @usableFromInline static var largeValueBytes: Int { 1 << 20 }

    /// The bytes of combined values a spill encodes into the scratch before emptying it.
    @usableFromInline static var spillScratchBytes: Int { 1 << 16 }

    /// The number of hash slots a fresh table starts with: 4,096, or fewer so that they take at
    /// most an eighth of a small buffer.
    @usableFromInline var initialSlots: Int {
        var slots = 1 << 12
        while slots > 16, slots * slotStride > limit / 8 { slots >>= 1 }
        return slots
    }

    /// Creates a buffer of `limit` bytes for `reduceCount` partitions.
    ///
    /// - Parameters:
    ///   - partitioner: nil for the default ``HashPartitioner``, whose hash the table reuses.
    ///   - combineAdds: whether `combine` is `+=` (``SumCombiner`` of `Int` or `Int64`), which the
    ///     buffer then applies itself to an integer value.
    @usableFromInline init(
        limit: Int,
        reduceCount: Int,
        partitioner: (any Partitioner)?,
        combine: ((inout Value, Value) -> Void)?,
        combineAdds: Bool = false,
        sink: any MapOutputSink
    ) {
        self.limit = min(limit, Int(UInt32.max / 2))
        self.reduceCount = reduceCount
        self.partitioner = partitioner ?? HashPartitioner()
        hashPartitions = partitioner == nil
        // `if let`, not `??`: the generic `??` would reabstract the closure into a thunk within a
        // thunk, called for every pair.
        if let combine {
            combines = true
            self.combine = combine
        } else {
            combines = false
            self.combine = { _, _ in }
        }
        addsInPlace = combines && combineAdds && Self.canAddInPlace
        self.sink = sink
        table = CombiningTable(capacity: 16)
        if combines { table.reset(capacity: initialSlots) }
    }

    deinit {
        keyArena.deallocate()
        valueArena.deallocate()
        entries.deallocate()
        table.deallocate()
    }

    /// Adds one pair whose key is already encoded.
    ///
    /// Inlined where ``MapContext/emit(_:_:)`` calls it, so that a pair folded into a key already
    /// held makes no call of its own but the combiner's; adding a key, and a job without a
    /// combiner, go out of line.
    @inlinable @inline(__always) func add(key: UnsafeRawBufferPointer, value: Value) throws {
        if combines {
            try addCombining(key: key, value: value)
        } else {
            try addUncombined(key: key, value: value)
        }
    }

    /// Adds one pair of a job without a combiner.
    @inlinable @inline(never) func addUncombined(key: UnsafeRawBufferPointer, value: Value) throws {
        outputRecords += 1
        let partition = partition(of: key, hash: hashPartitions ? KeyBytes.stableHash(key) : 0)
        if let split = value.splitEncoding() {
            outputBytes += Int64(key.count + split.count)
            try addLarge(key: key, value: split, partition: partition)
        } else {
            valueScratch.removeAll()
            let expected = value.approximateByteCount
            if expected >= Self.largeValueBytes { valueScratch.bytes.reserveCapacity(expected) }
            value.encode(into: &valueScratch)
            outputBytes += Int64(key.count + valueScratch.count)
            try addAppending(key: key, partition: partition)
        }
    }

    /// The partition of `key`, whose ``KeyBytes/stableHash(_:)`` is `hash` if the default partitioner is used.
    @inlinable @inline(__always) func partition(of key: UnsafeRawBufferPointer, hash: UInt64) -> Int {
        hashPartitions ? Int(hash % UInt64(reduceCount)) : partitioner.partition(of: key, among: reduceCount)
    }

    /// Folds the value into its key's slot, or adds the key: one hash and, for a key of at most
    /// eight bytes, one slot compared. The table uses ``KeyBytes/mixedHash(_:leadingWord:)``;
    /// the stable hash, and from it the partition, is computed only for a new key.
    @inlinable @inline(__always) func addCombining(key: UnsafeRawBufferPointer, value: Value) throws {
        outputRecords &+= 1
        outputBytes &+= Int64(truncatingIfNeeded: key.count &+ Self.encodedByteCountBeyondOne(value))
        let word = KeyBytes.leadingWord(key)
        let hash = KeyBytes.mixedHash(key, leadingWord: word)
        let prefix = word.byteSwapped
        let slot = table.find(key, hash: hash, prefix: prefix, arena: keyArena.base)
        if slot.pointee.tagAndLength != 0 {
            if addsInPlace {
                Self.addInPlace(value, to: &slot.pointee.value)
            } else {
                combine(&slot.pointee.value, value)
            }
            return
        }
        try insert(key: key, value: value, at: slot, hash: hash, prefix: prefix)
    }

    /// The length of the value's encoding less one: for an `Int` or `Int64` between -64 and 63
    /// (a one-byte varint, such as word count's ones) a comparison instead of the length's arithmetic.
    @inlinable @inline(__always) static func encodedByteCountBeyondOne(_ value: Value) -> Int {
        let number: Int64
        if Value.self == Int.self {
            number = Int64(unsafeBitCast(value, to: Int.self))
        } else if Value.self == Int64.self {
            number = unsafeBitCast(value, to: Int64.self)
        } else {
            return value.encodedByteCount &- 1
        }
        return UInt64(bitPattern: number &+ 64) < 128 ? 0 : value.encodedByteCount &- 1
    }

    /// Whether ``addInPlace(_:to:)`` adds values of this type.
    @inlinable static var canAddInPlace: Bool { Value.self == Int.self || Value.self == Int64.self }

    /// `sum += value` for an `Int` or `Int64` value (``canAddInPlace``), trapping on overflow as `+=` does.
    @inlinable @inline(__always) static func addInPlace(_ value: Value, to sum: inout Value) {
        if Value.self == Int.self {
            add(value, to: &sum, as: Int.self)
        } else if Value.self == Int64.self {
            add(value, to: &sum, as: Int64.self)
        }
    }

    @inlinable @inline(__always) static func add<Integer: FixedWidthInteger>(
        _ value: Value,
        to sum: inout Value,
        as type: Integer.Type
    ) {
        withUnsafeMutablePointer(to: &sum) {
            $0.withMemoryRebound(to: Integer.self, capacity: 1) { $0.pointee += unsafeBitCast(value, to: Integer.self) }
        }
    }

    /// Adds a key that the table does not hold at `slot`, the empty slot where it belongs, then
    /// grows the table or spills if needed; `hash` is the key's ``KeyBytes/mixedHash(_:leadingWord:)``.
    @inlinable @inline(never) func insert(
        key: UnsafeRawBufferPointer,
        value: Value,
        at slot: UnsafeMutablePointer<CombiningTable<Value>.Slot>,
        hash: UInt64,
        prefix: UInt64
    ) throws {
        table.insert(
            at: slot,
            hash: hash,
            length: key.count,
            prefix: prefix,
            keyOffset: keyArena.count,
            partition: partition(of: key, hash: KeyBytes.finalize(hash)),
            value: value
        )
        keyArena.append(bytes: key)
        valueBytes += value.approximateByteCount
        if table.needsGrowth { table.grow() }
        if usedBytes >= limit { try spill() }
    }

    @inlinable func addAppending(key: UnsafeRawBufferPointer, partition: Int) throws {
        if valueScratch.count >= Self.largeValueBytes {
            let value = SplitEncoding(head: valueScratch.bytes, tail: [])
            valueScratch = ByteWriter()
            try addLarge(key: key, value: value, partition: partition)
            return
        }
        appendEntry(
            key: key,
            valueOffset: valueArena.count,
            valueLength: valueScratch.count,
            partition: partition,
            isLarge: false
        )
        valueScratch.bytes.withUnsafeBytes { valueArena.append(bytes: $0) }
        if usedBytes >= limit { try spill() }
    }

    /// Records an entry for `key`, whose value is at `valueOffset` of the arena or of `largeValues`,
    /// and copies the key into the key arena.
    @inlinable func appendEntry(
        key: UnsafeRawBufferPointer,
        valueOffset: Int,
        valueLength: Int,
        partition: Int,
        isLarge: Bool
    ) {
        entries.append(
            Entry(
                keyOffset: UInt32(keyArena.count),
                keyLength: UInt32(key.count),
                valueOffset: UInt32(valueOffset),
                valueLength: UInt32(valueLength),
                partition: UInt32(partition),
                isLarge: isLarge,
                prefix: KeyBytes.prefix(key)
            )
        )
        keyArena.append(bytes: key)
    }

    /// Adds one pair whose value keeps its own buffers.
    @inlinable func addLarge(key: UnsafeRawBufferPointer, value: SplitEncoding, partition: Int) throws {
        appendEntry(
            key: key,
            valueOffset: largeValues.count,
            valueLength: value.count,
            partition: partition,
            isLarge: true
        )
        largeValueTotal += value.count
        largeValues.append(value)
        if usedBytes >= limit { try spill() }
    }

    /// The bytes the buffer holds, as counted against its limit.
    @inlinable @inline(__always) var usedBytes: Int {
        keyArena.count + valueArena.count + valueBytes + largeValueTotal + entries.count * MemoryLayout<Entry>.stride
            + (combines ? table.capacity * slotStride : 0)
    }

    /// Sorts the buffered pairs and streams them to the sink as one run, then empties the buffer.
    @usableFromInline func spill() throws {
        let count = combines ? table.count : entries.count
        guard count > 0 else { return }
        let order = sortedOrder()
        defer { order.deallocate() }
        let sink = self.sink
        try sink.beginRun()
        // A local scratch, which the loop borrows without a retain and a release per record.
        var encoded = ByteWriter()
        for item in order {
            let key = keyArena.bytes(at: Int(item.keyOffset), length: Int(item.keyLength))
            if combines {
                // Values are encoded one after another, the scratch emptied only once it is large:
                // emptying an array costs more than encoding a small value.
                if encoded.count >= Self.spillScratchBytes { encoded.removeAll() }
                let start = encoded.count
                table.slots[Int(item.index)].value.encode(into: &encoded)
                try encoded.bytes.withUnsafeBytes {
                    try sink.append(
                        partition: Int(item.partition),
                        key: key,
                        value: UnsafeRawBufferPointer(rebasing: $0[start...])
                    )
                }
            } else {
                let entry = entries[Int(item.index)]
                if entry.isLarge {
                    let value = largeValues[Int(entry.valueOffset)]
                    try value.head.withUnsafeBytes { head in
                        try value.tail.withUnsafeBytes { tail in
                            try sink.append(partition: Int(item.partition), key: key, value: head, tail: tail)
                        }
                    }
                } else {
                    let value = valueArena.bytes(at: Int(entry.valueOffset), length: Int(entry.valueLength))
                    try sink.append(partition: Int(item.partition), key: key, value: value)
                }
            }
        }
        try sink.endRun()
        if combines { counters.increment(.combineOutputRecords, by: Int64(count)) }
        counters.increment(.spilledRecords, by: Int64(count))
        keyArena.removeAll()
        valueArena.removeAll()
        largeValues.removeAll()
        largeValueTotal = 0
        entries.removeAll()
        if combines { table.reset(capacity: initialSlots) }
        valueBytes = 0
    }

    /// The buffered entries in (partition, key bytes) order, in storage the caller deallocates.
    @usableFromInline func sortedOrder() -> UnsafeMutableBufferPointer<SortItem> {
        let count = combines ? table.count : entries.count
        let items = UnsafeMutablePointer<SortItem>.allocate(capacity: count)
        var filled = 0
        if combines {
            table.forEachOccupied { index in
                let slot = table.slots + index
                (items + filled).initialize(
                    to: SortItem(
                        prefix: slot.pointee.prefix,
                        partition: slot.pointee.partition,
                        index: UInt32(truncatingIfNeeded: index),
                        keyOffset: slot.pointee.keyOffset,
                        keyLength: UInt32(truncatingIfNeeded: slot.pointee.tagAndLength & 0xFFFF_FFFF)
                    )
                )
                filled &+= 1
            }
        } else {
            for index in 0..<count {
                let entry = entries[index]
                (items + index).initialize(
                    to: SortItem(
                        prefix: entry.prefix,
                        partition: entry.partition,
                        index: UInt32(truncatingIfNeeded: index),
                        keyOffset: entry.keyOffset,
                        keyLength: entry.keyLength
                    )
                )
            }
        }
        return sortByPartitionAndKey(UnsafeMutableBufferPointer(start: items, count: count))
    }

    /// Spills what is left and returns the buffer's counters.
    @usableFromInline func finish() throws -> Counters {
        try spill()
        counters.increment(.mapOutputRecords, by: outputRecords)
        counters.increment(.mapOutputBytes, by: combines ? outputBytes &+ outputRecords : outputBytes)
        if combines { counters.increment(.combineInputRecords, by: outputRecords) }
        return counters
    }
}
