/// A bounds-checked cursor over borrowed bytes that decoders read from.
///
/// The bytes belong to the caller and are valid only for the call that handed the reader out.
public struct ByteReader {
    /// The bytes being read.
    public let buffer: UnsafeRawBufferPointer
    /// The offset of the next unread byte.
    public var offset: Int

    /// Creates a reader positioned at the first byte of `buffer`.
    @inlinable public init(_ buffer: UnsafeRawBufferPointer) {
        self.buffer = buffer
        self.offset = 0
    }

    /// The number of bytes not read yet.
    @inlinable public var remaining: Int { buffer.count - offset }

    /// Whether every byte has been read.
    @inlinable public var isAtEnd: Bool { offset >= buffer.count }

    /// Reads one byte.
    @inlinable public mutating func readByte() throws(DecodingError) -> UInt8 {
        guard offset < buffer.count else { throw .truncated }
        defer { offset += 1 }
        return buffer[offset]
    }

    /// Reads `count` bytes as a borrowed slice.
    @inlinable public mutating func readBytes(_ count: Int) throws(DecodingError) -> UnsafeRawBufferPointer {
        guard count >= 0, count <= remaining else { throw .truncated }
        defer { offset += count }
        return UnsafeRawBufferPointer(rebasing: buffer[offset..<offset + count])
    }

    /// Reads the rest of the bytes as a borrowed slice.
    @inlinable public mutating func readRemaining() -> UnsafeRawBufferPointer {
        defer { offset = buffer.count }
        return UnsafeRawBufferPointer(rebasing: buffer[offset...])
    }

    /// Reads a big-endian fixed-width integer.
    @inlinable public mutating func readBigEndian<T: FixedWidthInteger>(_: T.Type) throws(DecodingError) -> T {
        let raw = try readBytes(MemoryLayout<T>.size)
        var value: T = 0
        for byte in raw { value = value << 8 | T(truncatingIfNeeded: byte) }
        return value
    }

    /// Reads an unsigned LEB128 varint.
    @inlinable public mutating func readVarint() throws(DecodingError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try readByte()
            guard shift < 64 else { throw .malformed("varint longer than 64 bits") }
            result |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
        }
    }

    /// Reads a zig-zag varint.
    @inlinable public mutating func readZigZag() throws(DecodingError) -> Int64 {
        let raw = try readVarint()
        return Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
    }

    /// Reads a varint length and then that many bytes.
    @inlinable public mutating func readLengthPrefixed() throws(DecodingError) -> UnsafeRawBufferPointer {
        let length = try readVarint()
        guard length <= UInt64(remaining) else { throw .truncated }
        return try readBytes(Int(length))
    }
}
