import Glibc

extension MapOutputBuffer {
    /// Sorts `items` by (partition, key bytes), equal keys by index: a least-significant-digit
    /// radix sort on the partition and the eight-byte key prefix, then a comparison sort of each
    /// run of equal prefixes (keys that share their first eight bytes, or differ only in length).
    ///
    /// Digits are 11 bits wide, so that a digit's counts fit in the fastest cache: six for the
    /// prefix, then as many as the partition needs. One pass over the items counts every digit at
    /// once; then each digit is one pass that scatters the items between `items` and a scratch
    /// buffer. Passes in which every item has the same digit are skipped, and the sort is stable,
    /// so items keep their index order within a run.
    ///
    /// - Parameter items: allocated storage, which the sort takes over.
    /// - Returns: the sorted items, in `items` or in the scratch buffer (the other one is
    ///   deallocated), for the caller to deallocate.
    @usableFromInline func sortByPartitionAndKey(
        _ items: UnsafeMutableBufferPointer<SortItem>
    ) -> UnsafeMutableBufferPointer<SortItem> {
        let count = items.count
        guard count > 1 else { return items }
        let radixBits = 11
        let radix = 1 << radixBits
        let digitMask = radix - 1
        let prefixDigits = (UInt64.bitWidth + radixBits - 1) / radixBits
        let partitionBits = reduceCount <= 1 ? 0 : Int.bitWidth - (reduceCount - 1).leadingZeroBitCount
        let partitionDigits = (partitionBits + radixBits - 1) / radixBits
        let digits = prefixDigits + partitionDigits
        let counts = UnsafeMutablePointer<Int>.allocate(capacity: digits * radix)
        counts.initialize(repeating: 0, count: digits * radix)
        defer { counts.deallocate() }
        var source = items.baseAddress!
        var target = UnsafeMutablePointer<SortItem>.allocate(capacity: count)
        for index in 0..<count {
            let prefix = source[index].prefix
            for digit in 0..<prefixDigits {
                let value = Int(truncatingIfNeeded: prefix &>> UInt64(digit &* radixBits)) & digitMask
                counts[digit &* radix | value] &+= 1
            }
            let partition = UInt64(source[index].partition)
            for digit in 0..<partitionDigits {
                let value = Int(truncatingIfNeeded: partition &>> UInt64(digit &* radixBits)) & digitMask
                counts[(prefixDigits &+ digit) &* radix | value] &+= 1
            }
        }
        for digit in 0..<digits {
            let offsets = counts + digit * radix
            let ofPartition = digit >= prefixDigits
            let shift = UInt64((ofPartition ? digit - prefixDigits : digit) * radixBits)
            func bucket(_ item: SortItem) -> Int {
                Int(truncatingIfNeeded: (ofPartition ? UInt64(item.partition) : item.prefix) &>> shift) & digitMask
            }
            if offsets[bucket(source[0])] == count { continue }
            var total = 0
            for value in 0..<radix {
                let size = offsets[value]
                offsets[value] = total
                total += size
            }
            for index in 0..<count {
                let item = source[index]
                let slot = bucket(item)
                (target + offsets[slot]).initialize(to: item)
                offsets[slot] &+= 1
            }
            swap(&source, &target)
        }
        target.deallocate()
        let sorted = UnsafeMutableBufferPointer(start: source, count: count)
        sortRunsOfEqualPrefixes(sorted)
        return sorted
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
