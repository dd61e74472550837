/// A borrowed run of bytes: a line of input, a word in it, or a key handed to a reducer.
///
/// A slice points into a buffer owned by the framework and is valid only during the call that
/// handed it out (as Hadoop reuses its `Text` objects). Keep its contents with ``ByteString`` or
/// `Array(slice)`. As a key it encodes to its bytes unchanged, so keys sort as raw bytes.
///
/// As a value it encodes as ``ByteString`` does (a varint length, then the bytes): a map emits
/// one without allocating (the buffer copies the bytes), and a reducer's values are slices of the
/// merge's buffers, valid until the next value. A combiner cannot fold slices: they would
/// outlive the call that lent them.
public struct ByteSlice: RandomAccessCollection, SortableKey, ShuffleValue, TextRepresentable {
    /// The borrowed bytes.
    public let buffer: UnsafeRawBufferPointer

    /// Wraps borrowed bytes.
    @inlinable public init(_ buffer: UnsafeRawBufferPointer) {
        self.buffer = buffer
    }

    /// The first position, always 0.
    @inlinable public var startIndex: Int { 0 }
    /// The position after the last byte: the slice's length.
    @inlinable public var endIndex: Int { buffer.count }
    /// The byte at `position`.
    @inlinable public subscript(position: Int) -> UInt8 { buffer[position] }

    /// The sub-slice of the bytes in `range`, still borrowed.
    @inlinable public subscript(bytes range: Range<Int>) -> ByteSlice {
        ByteSlice(UnsafeRawBufferPointer(rebasing: buffer[range]))
    }

    /// The bytes decoded as UTF-8, with invalid sequences replaced by U+FFFD.
    public var string: String { String(decoding: buffer, as: UTF8.self) }

    /// Appends the bytes unchanged: slices sort as raw bytes.
    @inlinable public func encodeSortable(into writer: inout ByteWriter) {
        writer.write(buffer)
    }

    /// Borrows the encoded bytes; the slice is valid only while they are.
    @inlinable public init(sortableBytes bytes: UnsafeRawBufferPointer) {
        buffer = bytes
    }

    /// Lends the slice's own bytes, copying nothing.
    @inlinable public func withSortableBytes<R>(
        scratch: inout ByteWriter,
        _ body: (UnsafeRawBufferPointer) throws -> R
    ) rethrows -> R {
        try body(buffer)
    }

    /// Appends a varint length and the bytes, as ``ByteString`` does.
    @inlinable public func encode(into writer: inout ByteWriter) {
        writer.writeLengthPrefixed(buffer)
    }

    /// Borrows the next length-prefixed bytes of the reader.
    @inlinable public init(decoding reader: inout ByteReader) throws {
        buffer = try reader.readLengthPrefixed()
    }

    /// The bytes plus a pointer's worth.
    @inlinable public var approximateByteCount: Int { buffer.count + 8 }

    /// The varint length's bytes plus the bytes.
    @inlinable public var encodedByteCount: Int {
        buffer.count + Swift.max(1, (64 - UInt64(buffer.count).leadingZeroBitCount + 6) / 7)
    }

    @inlinable public func writeText(into writer: inout ByteWriter) {
        writer.write(buffer)
    }

    /// Whether two slices hold the same bytes.
    @inlinable public func elementsEqual(_ other: some Sequence<UInt8>) -> Bool {
        var iterator = other.makeIterator()
        for byte in self where iterator.next() != byte { return false }
        return iterator.next() == nil
    }
}
