import Glibc
import MapReduce

/// Cuts a stream of bytes read in blocks into lines without their `\n`, keeping only the
/// unfinished last line between blocks; lines wholly inside a block are lent from it uncopied.
struct LineSplitter {
    private var partial: [UInt8] = []

    /// Calls `body` with each line that `block` completes; keeps what follows the last newline.
    mutating func feed(_ block: UnsafeRawBufferPointer, _ body: (ByteSlice) throws -> Void) rethrows {
        guard let base = block.baseAddress else { return }
        var start = 0
        while start < block.count, let hit = memchr(base + start, 0x0A, block.count - start) {
            let end = base.distance(to: UnsafeRawPointer(hit))
            let piece = UnsafeRawBufferPointer(rebasing: block[start..<end])
            if partial.isEmpty {
                try body(ByteSlice(piece))
            } else {
                partial.append(contentsOf: piece)
                try partial.withUnsafeBytes { try body(ByteSlice($0)) }
                partial.removeAll(keepingCapacity: true)
            }
            start = end + 1
        }
        if start < block.count { partial.append(contentsOf: UnsafeRawBufferPointer(rebasing: block[start...])) }
    }

    /// Calls `body` with the last line if the stream did not end with a newline.
    mutating func finish(_ body: (ByteSlice) throws -> Void) rethrows {
        guard !partial.isEmpty else { return }
        try partial.withUnsafeBytes { try body(ByteSlice($0)) }
        partial.removeAll()
    }
}
