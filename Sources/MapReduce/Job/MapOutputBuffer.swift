import Glibc

/// A map task's bounded in-memory output: pairs are partitioned, aggregated or appended, and
/// spilled to the engine as sorted runs whenever the buffer reaches its size limit.
///
/// With a combiner, pairs aggregate in an open-addressing hash table keyed by the encoded key
/// bytes, so a frequent key occupies one entry. Without one, encoded pairs are appended to an
/// arena. Either way a spill sorts the entries by (partition, key bytes) and streams them to the
/// ``MapOutputSink``.
@usableFromInline
final class MapOutputBuffer<Value: ShuffleValue> {
    @usableFromInline struct Entry {
        @usableFromInline var keyOffset: UInt32
        @usableFromInline var keyLength: UInt32
        @usableFromInline var valueOffset: UInt32
        @usableFromInline var valueLength: UInt32
        @usableFromInline var partition: UInt32
        @usableFromInline var tag: UInt32

        @inlinable init(
            keyOffset: UInt32, keyLength: UInt32, valueOffset: UInt32, valueLength: UInt32, partition: UInt32, tag: UInt32
        ) {
            self.keyOffset = keyOffset
            self.keyLength = keyLength
            self.valueOffset = valueOffset
            self.valueLength = valueLength
            self.partition = partition
            self.tag = tag
        }
    }

    @usableFromInline let limit: Int
    @usableFromInline let reduceCount: Int
    @usableFromInline let partitioner: (any Partitioner)?
    @usableFromInline let combine: ((inout Value, Value) -> Void)?
    @usableFromInline let sink: any MapOutputSink
    @usableFromInline var keyArena: [UInt8] = []
    @usableFromInline var valueArena: [UInt8] = []
    @usableFromInline var entries: [Entry] = []
    @usableFromInline var values: [Value] = []
    @usableFromInline var slots: [Int32] = []
    @usableFromInline var valueBytes = 0
    @usableFromInline var valueScratch = ByteWriter()
    @usableFromInline var counters = Counters()
    @usableFromInline var outputRecords: Int64 = 0
    @usableFromInline var outputBytes: Int64 = 0

    /// Creates a buffer of `limit` bytes for `reduceCount` partitions.
    ///
    /// - Parameter partitioner: nil for the default ``HashPartitioner``, whose hash the table reuses.
    @usableFromInline init(
        limit: Int, reduceCount: Int, partitioner: (any Partitioner)?, combine: ((inout Value, Value) -> Void)?,
        sink: any MapOutputSink
    ) {
        self.limit = min(limit, Int(UInt32.max / 2))
        self.reduceCount = reduceCount
        self.partitioner = partitioner
        self.combine = combine
        self.sink = sink
        if combine != nil { slots = Array(repeating: -1, count: 1024) }
    }

    /// Adds one pair whose key is already encoded.
    @inlinable func add(key: UnsafeRawBufferPointer, value: Value) throws {
        let hash = HashPartitioner.fnv1a(key)
        let partition =
            partitioner?.partition(of: key, among: reduceCount) ?? Int(hash % UInt64(reduceCount))
        outputRecords += 1
        if let combine {
            valueScratch.removeAll()
            value.encode(into: &valueScratch)
            outputBytes += Int64(key.count + valueScratch.count)
            try addCombining(key: key, value: value, hash: hash, partition: partition, combine: combine)
        } else {
            try addAppending(key: key, value: value, partition: partition)
        }
    }

    @inlinable func addCombining(
        key: UnsafeRawBufferPointer, value: Value, hash: UInt64, partition: Int, combine: (inout Value, Value) -> Void
    ) throws {
        let mask = slots.count - 1
        let tag = UInt32(truncatingIfNeeded: hash >> 32)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let found = slots[slot]
            if found < 0 { break }
            let entry = entries[Int(found)]
            if entry.tag == tag, Int(entry.keyLength) == key.count, keyMatches(entry, key) {
                combine(&values[Int(found)], value)
                return
            }
            slot = (slot + 1) & mask
        }
        slots[slot] = Int32(entries.count)
        entries.append(
            Entry(
                keyOffset: UInt32(keyArena.count), keyLength: UInt32(key.count), valueOffset: 0, valueLength: 0,
                partition: UInt32(partition), tag: tag))
        keyArena.append(contentsOf: key)
        valueBytes += value.approximateByteCount
        values.append(value)
        if entries.count * 2 > slots.count { growTable() }
        if usedBytes >= limit { try spill() }
    }

    @inlinable func keyMatches(_ entry: Entry, _ key: UnsafeRawBufferPointer) -> Bool {
        guard let base = key.baseAddress else { return true }
        return keyArena.withUnsafeBytes { arena in
            memcmp(arena.baseAddress! + Int(entry.keyOffset), base, key.count) == 0
        }
    }

    @inlinable func addAppending(key: UnsafeRawBufferPointer, value: Value, partition: Int) throws {
        valueScratch.removeAll()
        value.encode(into: &valueScratch)
        outputBytes += Int64(key.count + valueScratch.count)
        entries.append(
            Entry(
                keyOffset: UInt32(keyArena.count), keyLength: UInt32(key.count), valueOffset: UInt32(valueArena.count),
                valueLength: UInt32(valueScratch.count), partition: UInt32(partition), tag: 0))
        keyArena.append(contentsOf: key)
        valueArena.append(contentsOf: valueScratch.bytes)
        if usedBytes >= limit { try spill() }
    }

    /// The bytes the buffer holds, as counted against its limit.
    @inlinable var usedBytes: Int {
        keyArena.count + valueArena.count + valueBytes + entries.count * MemoryLayout<Entry>.stride
            + slots.count * MemoryLayout<Int32>.stride
    }

    @usableFromInline func growTable() {
        var grown = [Int32](repeating: -1, count: slots.count * 2)
        let mask = grown.count - 1
        keyArena.withUnsafeBytes { arena in
            for (index, entry) in entries.enumerated() {
                let key = UnsafeRawBufferPointer(rebasing: arena[Int(entry.keyOffset)..<Int(entry.keyOffset + entry.keyLength)])
                var slot = Int(truncatingIfNeeded: HashPartitioner.fnv1a(key)) & mask
                while grown[slot] >= 0 { slot = (slot + 1) & mask }
                grown[slot] = Int32(index)
            }
        }
        slots = grown
    }

    /// Sorts the buffered pairs and streams them to the sink as one run, then empties the buffer.
    @usableFromInline func spill() throws {
        guard !entries.isEmpty else { return }
        let order = sortedOrder()
        try sink.beginRun()
        try keyArena.withUnsafeBytes { arena in
            try valueArena.withUnsafeBytes { encodedValues in
                for index in order {
                    let entry = entries[Int(index)]
                    let key = UnsafeRawBufferPointer(rebasing: arena[Int(entry.keyOffset)..<Int(entry.keyOffset + entry.keyLength)])
                    if combine != nil {
                        valueScratch.removeAll()
                        values[Int(index)].encode(into: &valueScratch)
                        try valueScratch.bytes.withUnsafeBytes {
                            try sink.append(partition: Int(entry.partition), key: key, value: $0)
                        }
                    } else {
                        let start = Int(entry.valueOffset)
                        let value = UnsafeRawBufferPointer(rebasing: encodedValues[start..<start + Int(entry.valueLength)])
                        try sink.append(partition: Int(entry.partition), key: key, value: value)
                    }
                }
            }
        }
        try sink.endRun()
        if combine != nil { counters.increment(.combineOutputRecords, by: Int64(entries.count)) }
        counters.increment(.spilledRecords, by: Int64(entries.count))
        keyArena.removeAll(keepingCapacity: true)
        valueArena.removeAll(keepingCapacity: true)
        entries.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
        valueBytes = 0
        if combine != nil { slots = Array(repeating: -1, count: 1024) }
    }

    /// Entry indices in (partition, key bytes) order.
    @usableFromInline func sortedOrder() -> [Int32] {
        var order = (0..<Int32(entries.count)).map { $0 }
        entries.withUnsafeBufferPointer { entries in
            keyArena.withUnsafeBytes { arena in
                let base = arena.baseAddress
                order.sort { left, right in
                    let a = entries[Int(left)]
                    let b = entries[Int(right)]
                    if a.partition != b.partition { return a.partition < b.partition }
                    let common = Int(min(a.keyLength, b.keyLength))
                    let compared = common == 0 ? 0 : memcmp(base! + Int(a.keyOffset), base! + Int(b.keyOffset), common)
                    if compared != 0 { return compared < 0 }
                    if a.keyLength != b.keyLength { return a.keyLength < b.keyLength }
                    return left < right
                }
            }
        }
        return order
    }

    /// Spills what is left and returns the buffer's counters.
    @usableFromInline func finish() throws -> Counters {
        try spill()
        counters.increment(.mapOutputRecords, by: outputRecords)
        counters.increment(.mapOutputBytes, by: outputBytes)
        if combine != nil { counters.increment(.combineInputRecords, by: outputRecords) }
        return counters
    }
}
