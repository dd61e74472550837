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

    public var description: String { String(decoding: bytes, as: UTF8.self) }

    public static func < (lhs: ByteString, rhs: ByteString) -> Bool {
        lhs.bytes.lexicographicallyPrecedes(rhs.bytes)
    }

    @inlinable public func encodeSortable(into writer: inout ByteWriter) {
        writer.write(contentsOf: bytes)
    }

    @inlinable public init(sortableBytes bytes: UnsafeRawBufferPointer) {
        self.bytes = Array(bytes)
    }

    @inlinable public func encode(into writer: inout ByteWriter) {
        bytes.withUnsafeBytes { writer.writeLengthPrefixed($0) }
    }

    @inlinable public init(decoding reader: inout ByteReader) throws {
        bytes = Array(try reader.readLengthPrefixed())
    }

    @inlinable public var approximateByteCount: Int { bytes.count + 32 }

    @inlinable public func writeText(into writer: inout ByteWriter) {
        writer.write(contentsOf: bytes)
    }
}
