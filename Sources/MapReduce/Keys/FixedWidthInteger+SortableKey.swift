/// Integers encode big-endian with the sign bit flipped, so that negative numbers sort first.
extension SortableKey where Self: FixedWidthInteger {
    /// Appends the integer big-endian, with the sign bit flipped for signed types.
    @inlinable public func encodeSortable(into writer: inout ByteWriter) {
        let flipped = Self.isSigned ? self ^ (1 << (Self.bitWidth - 1)) : self
        writer.writeBigEndian(flipped)
    }

    /// Reads an integer written by ``encodeSortable(into:)``; throws unless the bytes are exactly its width.
    @inlinable public init(sortableBytes bytes: UnsafeRawBufferPointer) throws {
        var reader = ByteReader(bytes)
        let stored = try reader.readBigEndian(Self.self)
        guard reader.isAtEnd else {
            throw DecodingError.malformed("a \(Self.self) key is \(MemoryLayout<Self>.size) bytes")
        }
        self = Self.isSigned ? stored ^ (1 << (Self.bitWidth - 1)) : stored
    }
}

extension Int: SortableKey {}
extension Int8: SortableKey {}
extension Int16: SortableKey {}
extension Int32: SortableKey {}
extension Int64: SortableKey {}
extension UInt: SortableKey {}
extension UInt8: SortableKey {}
extension UInt16: SortableKey {}
extension UInt32: SortableKey {}
extension UInt64: SortableKey {}
