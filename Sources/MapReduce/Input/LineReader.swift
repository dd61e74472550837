import Glibc

/// Reads a file's lines from a starting offset through a growable buffer, without copying lines.
///
/// Each line is handed out as a ``ByteSlice`` into the buffer, valid until the next call. A line
/// longer than the buffer grows it.
@usableFromInline
final class LineReader {
    private let file: FileReadHandle
    @exclusivity(unchecked) @usableFromInline var storage: UnsafeMutableRawBufferPointer
    @exclusivity(unchecked) @usableFromInline var head = 0
    @exclusivity(unchecked) @usableFromInline var tail = 0
    @exclusivity(unchecked) private var fileOffset: Int64
    @exclusivity(unchecked) @usableFromInline var atEndOfFile = false

    /// The file offset of the next unread byte.
    @exclusivity(unchecked) @usableFromInline var position: Int64

    @usableFromInline init(file: FileReadHandle, start: Int64, bufferSize: Int) {
        self.file = file
        self.fileOffset = start
        self.position = start
        storage = .allocate(byteCount: max(bufferSize, 4096), alignment: 16)
    }

    deinit {
        storage.deallocate()
    }

    /// The next `count` bytes, if the file has that many left; does not consume them.
    @usableFromInline func peek(_ count: Int) throws -> UnsafeRawBufferPointer? {
        while tail - head < count, !atEndOfFile { try refill() }
        guard tail - head >= count else { return nil }
        return UnsafeRawBufferPointer(rebasing: storage[head..<head + count])
    }

    /// Consumes `count` bytes that ``peek(_:)`` returned.
    @usableFromInline func skip(_ count: Int) {
        head += count
        position += Int64(count)
    }

    /// Reads the next line, returning its bytes without the terminator, or nil at the end of the file.
    ///
    /// - Parameter stripCarriageReturn: drop a `\r` before the `\n`, as Hadoop's reader does.
    ///
    /// Inlined into the callers' loops: it is called for every line.
    @inlinable @inline(__always) func nextLine(stripCarriageReturn: Bool = true) throws -> UnsafeRawBufferPointer? {
        var searchFrom = head
        while true {
            if let base = storage.baseAddress, tail > searchFrom,
                let newline = memchr(base + searchFrom, 0x0A, tail - searchFrom)
            {
                let end = base.distance(to: UnsafeMutableRawPointer(newline))
                return emitLine(contentEnd: end, consumedEnd: end + 1, strip: stripCarriageReturn)
            }
            if atEndOfFile {
                guard tail > head else { return nil }
                return emitLine(contentEnd: tail, consumedEnd: tail, strip: stripCarriageReturn)
            }
            let scanned = tail - head
            try refill()
            searchFrom = head + scanned
        }
    }

    @inlinable @inline(__always) func emitLine(contentEnd: Int, consumedEnd: Int, strip: Bool) -> UnsafeRawBufferPointer
    {
        var end = contentEnd
        if strip, end > head, consumedEnd > contentEnd, storage[end - 1] == 0x0D { end -= 1 }
        let line = UnsafeRawBufferPointer(rebasing: storage[head..<end])
        position += Int64(consumedEnd - head)
        head = consumedEnd
        return line
    }

    /// Moves unread bytes to the front, grows the buffer if it is full, and reads more of the file.
    @usableFromInline func refill() throws {
        if head > 0 {
            let unread = tail - head
            if unread > 0 { storage.baseAddress!.copyMemory(from: storage.baseAddress! + head, byteCount: unread) }
            head = 0
            tail = unread
        }
        if tail == storage.count {
            let grown = UnsafeMutableRawBufferPointer.allocate(byteCount: storage.count * 2, alignment: 16)
            grown.baseAddress!.copyMemory(from: storage.baseAddress!, byteCount: tail)
            storage.deallocate()
            storage = grown
        }
        let read = try file.read(into: UnsafeMutableRawBufferPointer(rebasing: storage[tail...]), at: fileOffset)
        fileOffset += Int64(read)
        tail += read
        if read == 0 { atEndOfFile = true }
    }
}
