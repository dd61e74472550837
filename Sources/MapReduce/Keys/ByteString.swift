/// An owned string of bytes that keys, values and output may carry, with no encoding assumed.
///
/// Use it where a key or value must outlive the call that produced it, or where the bytes need
/// not be valid UTF-8. It sorts as raw bytes.
public struct ByteString: Hashable, Sendable, Comparable, SortableKey, ShuffleValue, TextRepresentable,
    ExpressibleByStringLiteral, CustomStringConvertible
{
    /// The bytes.
    public var bytes: [UInt8]

    /// Wraps bytes.
    @inlinable public init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Copies a borrowed slice.
    @inlinable public init(_ slice: ByteSlice) {
        bytes = Array(slice.buffer)
    }

    /// The UTF-8 bytes of a string literal.
    public init(stringLiteral value: String) {
        bytes = Array(value.utf8)
    }

    /// The bytes decoded as UTF-8, with invalid sequences replaced by U+FFFD.
    public var description: String { String(decoding: bytes, as: UTF8.self) }

    /// Orders byte strings lexicographically by their bytes.
    public static func < (lhs: ByteString, rhs: ByteString) -> Bool {
        lhs.bytes.lexicographicallyPrecedes(rhs.bytes)
    }

    /// Appends the bytes unchanged: byte strings sort as raw bytes.
    @inlinable public func encodeSortable(into writer: inout ByteWriter) {
        writer.write(contentsOf: bytes)
    }

    /// Copies the encoded bytes.
    @inlinable public init(sortableBytes bytes: UnsafeRawBufferPointer) {
        self.bytes = Array(bytes)
    }

    /// Appends the bytes after their length as a varint.
    @inlinable public func encode(into writer: inout ByteWriter) {
        bytes.withUnsafeBytes { writer.writeLengthPrefixed($0) }
    }

    /// Reads length-prefixed bytes.
    @inlinable public init(decoding reader: inout ByteReader) throws {
        bytes = Array(try reader.readLengthPrefixed())
    }

    /// The byte count plus the array's own storage.
    @inlinable public var approximateByteCount: Int { bytes.count + 32 }

    /// Writes the bytes as they are.
    @inlinable public func writeText(into writer: inout ByteWriter) {
        writer.write(contentsOf: bytes)
    }
}
