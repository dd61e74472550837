import MapReduce

/// Finds the words of a byte string (maximal runs of bytes that are not C-locale white space)
/// sixty-four bytes at a time, without a branch per byte.
///
/// Each block of up to 64 bytes becomes a bit mask of its white-space bytes, computed eight bytes
/// at a time with word-wide arithmetic; the words are then the runs of clear bits, found with
/// trailing-zero counts. A branch is taken per word, not per byte, so the unpredictable branch
/// at each word's end disappears.
enum WordScanner {
    /// Calls `body` with each word of `bytes`, in order.
    @inline(__always) static func forEachWord(
        in bytes: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) throws -> Void
    ) rethrows {
        guard let base = bytes.baseAddress else { return }
        let count = bytes.count
        var pending = -1
        var blockStart = 0
        while blockStart < count {
            let length = min(64, count - blockStart)
            var words = ~spaceMask(base + blockStart, length: length)
            if pending >= 0 {
                let run = (~words).trailingZeroBitCount
                if run == 64 {
                    blockStart += 64
                    continue
                }
                try body(UnsafeRawBufferPointer(start: base + pending, count: blockStart + run - pending))
                words &= UInt64.max << run
                pending = -1
            }
            while words != 0 {
                let start = words.trailingZeroBitCount
                let run = (~(words >> start)).trailingZeroBitCount
                if start + run == 64 {
                    pending = blockStart + start
                    break
                }
                try body(UnsafeRawBufferPointer(start: base + blockStart + start, count: run))
                words &= UInt64.max << (start + run)
            }
            blockStart += 64
        }
        if pending >= 0 { try body(UnsafeRawBufferPointer(start: base + pending, count: count - pending)) }
    }

    /// A mask with bit `i` set when byte `i` of the block is white space; bits from `length` on are set.
    @inline(__always) static func spaceMask(_ block: UnsafeRawPointer, length: Int) -> UInt64 {
        var mask: UInt64 = length == 64 ? 0 : UInt64.max &<< UInt64(truncatingIfNeeded: length)
        var offset = 0
        while offset &+ 8 <= length {
            let word = UInt64(littleEndian: block.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            mask |= spaceBits(word) &<< UInt64(truncatingIfNeeded: offset)
            offset &+= 8
        }
        if offset < length {
            let rest = length &- offset
            let tail = KeyBytes.leadingWord(UnsafeRawBufferPointer(start: block + offset, count: rest))
            let tailBits = spaceBits(tail) & (0xFF &>> UInt64(truncatingIfNeeded: 8 &- rest))
            mask |= tailBits &<< UInt64(truncatingIfNeeded: offset)
        }
        return mask
    }

    /// Eight bits, bit `i` set when byte `i` of `word` (little-endian) is a space, `\t`, `\n`, `\v`, `\f` or `\r`.
    @inline(__always) static func spaceBits(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let low = word & ones
        let spaceXor = low ^ 0x2020_2020_2020_2020
        let isSpace = ~((spaceXor &+ ones) | spaceXor)
        let atLeastTab = low &+ 0x7777_7777_7777_7777
        let atLeastShiftOut = low &+ 0x7272_7272_7272_7272
        let flags = (isSpace | (atLeastTab & ~atLeastShiftOut)) & ~word & 0x8080_8080_8080_8080
        return ((flags >> 7) &* 0x0102_0408_1020_4080) >> 56
    }
}
