import NIOCore

/// An append-only encoder that writes values in the wire's compact binary encoding.
///
/// Fixed-width integers are written big-endian; lengths and counts are unsigned LEB128 varints.
/// Higher-level values are written with ``write(_:)`` through their ``WireCodable`` conformance.
public struct WireWriter: Sendable {
    /// The bytes written so far.
    public private(set) var buffer: ByteBuffer

    /// Creates a writer with an empty buffer of the given initial capacity.
    public init(capacity: Int = 256) {
        self.buffer = ByteBufferAllocator().buffer(capacity: capacity)
    }

    /// Creates a writer that appends to an existing buffer.
    public init(buffer: ByteBuffer) {
        self.buffer = buffer
    }

    /// The number of bytes written so far.
    public var count: Int {
        buffer.readableBytes
    }

    /// Appends a fixed-width integer in big-endian byte order.
    public mutating func writeInteger<T: FixedWidthInteger>(_ value: T) {
        buffer.writeInteger(value, endianness: .big)
    }

    /// Appends an unsigned integer as an LEB128 varint of one to ten bytes.
    public mutating func writeVarint(_ value: UInt64) {
        var remaining = value
        while remaining >= 0x80 {
            buffer.writeInteger(UInt8(truncatingIfNeeded: remaining) | 0x80)
            remaining >>= 7
        }
        buffer.writeInteger(UInt8(remaining))
    }

    /// Appends a signed integer as a zigzag-encoded varint, so small negative values stay short.
    public mutating func writeSignedVarint(_ value: Int64) {
        writeVarint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    /// Appends a boolean as one byte, 1 for `true` and 0 for `false`.
    public mutating func writeBool(_ value: Bool) {
        buffer.writeInteger(UInt8(value ? 1 : 0))
    }

    /// Appends a byte sequence preceded by its length as a varint.
    public mutating func writeBytes(_ bytes: some Collection<UInt8>) {
        writeVarint(UInt64(bytes.count))
        buffer.writeBytes(bytes)
    }

    /// Appends the readable bytes of `bytes` preceded by their length as a varint.
    public mutating func writeBytes(_ bytes: ByteBuffer) {
        writeVarint(UInt64(bytes.readableBytes))
        buffer.writeImmutableBuffer(bytes)
    }

    /// Appends bytes with no length prefix: fields whose size the protocol fixes, or values
    /// encoded before, copied from the array's storage in one call.
    public mutating func writeRawBytes(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { buffer.writeBytes($0) }
    }

    /// Appends a string as its UTF-8 bytes preceded by their length as a varint.
    public mutating func writeString(_ string: String) {
        writeVarint(UInt64(string.utf8.count))
        buffer.writeString(string)
    }

    /// Appends a count of collection elements as a varint.
    public mutating func writeCount(_ count: Int) {
        writeVarint(UInt64(count))
    }

    /// Appends any codable value, including arrays, optionals and dictionaries of codable values.
    public mutating func write(_ value: some WireCodable) {
        value.encode(to: &self)
    }
}
