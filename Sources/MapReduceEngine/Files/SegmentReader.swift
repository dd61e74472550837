import Glibc
import MapReduce

/// Reads the records of one segment of a map output file in order, through its own buffer, or of
/// a segment in memory (``MemorySegment``), where they lie.
///
/// ``key`` and ``value`` point into the reader's memory and stay valid until the next
/// ``advance()``. A value of ``largeValueBytes`` or more (an image band) is not read when the
/// record is reached, only by ``loadValue()``, which maps it from the file (``FileMapping``) until
/// the next ``advance()``: a merge that primes every segment's first record then holds their
/// keys, not all their values, and a large value is never copied into fresh memory. A segment in
/// memory holds its large values too, so they are read where they lie like the rest.
final class SegmentReader {
    /// The size from which a value is read only on demand.
    static let largeValueBytes = 1 << 20

    /// The file read, or nil for a segment in memory.
    private let file: FileReadHandle?
    /// The segment in memory whose bytes are the storage, kept alive while they are read.
    private let memory: MemorySegment?
    @exclusivity(unchecked) private var storage: UnsafeMutableRawBufferPointer
    @exclusivity(unchecked) private var head = 0
    @exclusivity(unchecked) private var tail = 0
    @exclusivity(unchecked) private var filePosition: Int64
    private let end: Int64

    /// The current record's key.
    private(set) var key = UnsafeRawBufferPointer(start: nil, count: 0)
    /// The current record's value: a small one at once, a large one after ``loadValue()``.
    var value: UnsafeRawBufferPointer { largeValue?.bytes ?? bufferedValue }
    /// The current record's value, when it is in the buffer.
    private var bufferedValue = UnsafeRawBufferPointer(start: nil, count: 0)
    /// The current record's large value, once mapped.
    private var largeValue: FileMapping?
    /// Where the current record's large value is in the file.
    private var pendingValue: (filePosition: Int64, length: Int)?
    /// The current key's first eight bytes, for quick comparisons (``KeyBytes/prefix(_:)``).
    private(set) var keyPrefix: UInt64 = 0

    /// Opens the segment `segment` of `file`.
    init(file: FileReadHandle, segment: MapOutputSegment, bufferSize: Int = 1 << 17) {
        self.file = file
        memory = nil
        filePosition = segment.offset
        end = segment.offset + segment.length
        storage = .allocate(byteCount: max(64, min(bufferSize, Int(segment.length) + 16)), alignment: 16)
    }

    /// Reads the filled bytes of `segment` where they lie.
    init(memory segment: MemorySegment) {
        file = nil
        memory = segment
        storage = segment.bytes
        tail = segment.filled
        filePosition = Int64(segment.filled)
        end = filePosition
    }

    deinit {
        if memory == nil { storage.deallocate() }
    }

    /// What errors name as the segment's place.
    private var path: String { file?.path ?? "a segment in memory" }

    /// The current record's value, mapped from the file first if it is large.
    func loadValue() throws -> UnsafeRawBufferPointer {
        guard let pending = pendingValue, let file else { return bufferedValue }
        if let largeValue { return largeValue.bytes }
        let mapped: FileMapping
        do {
            mapped = try file.map(pending.length, at: pending.filePosition)
        } catch let error as SystemError where error.code == EIO {
            throw MapOutputFileError(path: path, problem: "file ends inside a segment")
        }
        largeValue = mapped
        return mapped.bytes
    }

    /// Moves to the next record; false at the end of the segment.
    func advance() throws -> Bool {
        if largeValue != nil { largeValue = nil }
        pendingValue = nil
        if head == tail, filePosition >= end { return false }
        // Most records: both lengths are one-byte varints and the record is buffered.
        if tail - head >= 2, let base = storage.baseAddress {
            let keyLength = Int(base.load(fromByteOffset: head, as: UInt8.self))
            let valueLength = Int(base.load(fromByteOffset: head + 1, as: UInt8.self))
            if keyLength < 0x80, valueLength < 0x80, tail - head >= 2 + keyLength + valueLength {
                key = UnsafeRawBufferPointer(start: base + head + 2, count: keyLength)
                keyPrefix = KeyBytes.prefix(key)
                bufferedValue = UnsafeRawBufferPointer(start: base + head + 2 + keyLength, count: valueLength)
                head += 2 + keyLength + valueLength
                return true
            }
        }
        var lengths = ByteReader(UnsafeRawBufferPointer(rebasing: storage[head..<tail]))
        var keyLength: UInt64 = 0
        var valueLength: UInt64 = 0
        while true {
            do {
                keyLength = try lengths.readVarint()
                valueLength = try lengths.readVarint()
                let large = file != nil && Int(valueLength) >= Self.largeValueBytes
                let needed = lengths.offset + Int(keyLength) + (large ? 0 : Int(valueLength))
                if tail - head >= needed { break }
                try fill(atLeast: needed)
            } catch DecodingError.truncated {
                try fill(atLeast: tail - head + 1)
            }
            lengths = ByteReader(UnsafeRawBufferPointer(rebasing: storage[head..<tail]))
        }
        let keyStart = head + lengths.offset
        let valueStart = keyStart + Int(keyLength)
        key = UnsafeRawBufferPointer(rebasing: storage[keyStart..<valueStart])
        keyPrefix = KeyBytes.prefix(key)
        let length = Int(valueLength)
        if file != nil, length >= Self.largeValueBytes {
            let buffered = valueStart..<min(tail, valueStart + length)
            let unread = length - buffered.count
            guard end - filePosition >= Int64(unread) else {
                throw MapOutputFileError(path: path, problem: "segment ends inside a record")
            }
            pendingValue = (filePosition - Int64(buffered.count), length)
            filePosition += Int64(unread)
            head = buffered.upperBound
            bufferedValue = UnsafeRawBufferPointer(start: nil, count: 0)
        } else {
            bufferedValue = UnsafeRawBufferPointer(rebasing: storage[valueStart..<valueStart + length])
            head = valueStart + length
        }
        return true
    }

    /// Makes at least `count` unread bytes available, or throws if the segment ends first.
    private func fill(atLeast count: Int) throws {
        guard filePosition < end, let file else {
            throw MapOutputFileError(path: path, problem: "segment ends inside a record")
        }
        let unread = tail - head
        if head > 0 {
            if unread > 0 { storage.baseAddress!.copyMemory(from: storage.baseAddress! + head, byteCount: unread) }
            head = 0
            tail = unread
        }
        if count > storage.count {
            let grown = UnsafeMutableRawBufferPointer.allocate(byteCount: max(count, storage.count * 2), alignment: 16)
            grown.baseAddress!.copyMemory(from: storage.baseAddress!, byteCount: tail)
            storage.deallocate()
            storage = grown
        }
        let wanted = min(storage.count - tail, Int(end - filePosition))
        let read = try file.read(
            into: UnsafeMutableRawBufferPointer(rebasing: storage[tail..<tail + wanted]),
            at: filePosition
        )
        guard read > 0 else { throw MapOutputFileError(path: path, problem: "file ends inside a segment") }
        filePosition += Int64(read)
        tail += read
    }
}
