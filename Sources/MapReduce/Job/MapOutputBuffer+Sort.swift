import Glibc

extension MapOutputBuffer {
    /// Sorts `items` by (partition, key bytes), equal keys by index: a least-significant-digit
    /// radix sort on the partition and the eight-byte key prefix, then a comparison sort of each
    /// run of equal prefixes (keys that share their first eight bytes, or differ only in length).
    ///
    /// Radix passes in which every item has the same digit are skipped, and the sort is stable,
    /// so items keep their index order within a run.
    @usableFromInline func sortByPartitionAndKey(_ items: inout [SortItem]) {
        let count = items.count
        guard count > 1 else { return }
        let partitionBytes = reduceCount <= 1 ? 0 : (Int.bitWidth - (reduceCount - 1).leadingZeroBitCount + 7) / 8
        let scratch = UnsafeMutableBufferPointer<SortItem>.allocate(capacity: count)
        defer { scratch.deallocate() }
        items.withUnsafeMutableBufferPointer { buffer in
            var source = buffer
            var target = scratch
            var counts = [Int](repeating: 0, count: 256)
            for digit in 0..<(8 + partitionBytes) {
                let shift = UInt64(digit < 8 ? digit * 8 : (digit - 8) * 8)
                func byte(_ item: SortItem) -> Int {
                    digit < 8
                        ? Int(truncatingIfNeeded: item.prefix >> shift) & 0xFF
                        : Int(truncatingIfNeeded: item.partition >> UInt32(shift)) & 0xFF
                }
                for index in 0..<256 { counts[index] = 0 }
                for item in source { counts[byte(item)] += 1 }
                if counts[byte(source[0])] == count { continue }
                var total = 0
                for index in 0..<256 {
                    let bucket = counts[index]
                    counts[index] = total
                    total += bucket
                }
                for item in source {
                    let bucket = byte(item)
                    target[counts[bucket]] = item
                    counts[bucket] += 1
                }
                swap(&source, &target)
            }
            if source.baseAddress != buffer.baseAddress {
                buffer.baseAddress!.update(from: source.baseAddress!, count: count)
            }
            sortRunsOfEqualPrefixes(buffer)
        }
    }

    /// Sorts each run of items with equal partition and prefix by their whole keys, then index.
    @usableFromInline func sortRunsOfEqualPrefixes(_ items: UnsafeMutableBufferPointer<SortItem>) {
        let arena = keyArena.base
        var start = 0
        while start < items.count {
            var end = start + 1
            while end < items.count, items[end].prefix == items[start].prefix,
                items[end].partition == items[start].partition
            {
                end += 1
            }
            if end - start > 1 {
                var run = UnsafeMutableBufferPointer(rebasing: items[start..<end])
                run.sort { a, b in
                    let common = Int(min(a.keyLength, b.keyLength))
                    let compared =
                        common <= 8 ? 0 : memcmp(arena + Int(a.keyOffset) + 8, arena + Int(b.keyOffset) + 8, common - 8)
                    if compared != 0 { return compared < 0 }
                    if a.keyLength != b.keyLength { return a.keyLength < b.keyLength }
                    return a.index < b.index
                }
            }
            start = end
        }
    }
}
