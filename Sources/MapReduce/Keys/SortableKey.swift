/// A type that can be an intermediate key: it encodes to bytes whose lexicographic order is its order.
///
/// The engine sorts, merges and groups keys by comparing their encoded bytes and never decodes
/// them to do so, and the default partitioner hashes the same bytes. Two keys are equal exactly
/// when their encodings are equal.
///
/// Built-in keys: `String` (UTF-8), ``ByteString`` and ``ByteSlice`` (raw bytes), every fixed-width
/// integer (big-endian, sign bit flipped), `Double`, `Bool`, and ``KeyPair`` for composites.
public protocol SortableKey {
    /// Appends the order-preserving encoding of the key.
    func encodeSortable(into writer: inout ByteWriter)

    /// Decodes a key from its whole encoding.
    ///
    /// - Parameter bytes: exactly the bytes ``encodeSortable(into:)`` wrote; borrowed for the call.
    init(sortableBytes bytes: UnsafeRawBufferPointer) throws

    /// Calls `body` with the key's encoding, written into `scratch` unless the key can lend its bytes.
    func withSortableBytes<R>(scratch: inout ByteWriter, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R
}

extension SortableKey {
    /// Encodes the key into `scratch` and calls `body` with those bytes.
    @inlinable public func withSortableBytes<R>(
        scratch: inout ByteWriter,
        _ body: (UnsafeRawBufferPointer) throws -> R
    ) rethrows -> R {
        scratch.removeAll()
        encodeSortable(into: &scratch)
        return try scratch.bytes.withUnsafeBytes(body)
    }
}

extension String: SortableKey {
    /// Appends the UTF-8 bytes: strings sort by their UTF-8 bytes, which is Unicode scalar order.
    @inlinable public func encodeSortable(into writer: inout ByteWriter) {
        writer.write(contentsOf: utf8)
    }

    /// Decodes the bytes as UTF-8, with invalid sequences replaced by U+FFFD.
    @inlinable public init(sortableBytes bytes: UnsafeRawBufferPointer) throws {
        self = String(decoding: bytes, as: UTF8.self)
    }
}

extension Bool: SortableKey {
    /// Appends one byte, 1 or 0: false sorts first.
    @inlinable public func encodeSortable(into writer: inout ByteWriter) {
        writer.write(self ? 1 : 0)
    }

    /// Reads the one byte, 0 or 1; throws on anything else.
    @inlinable public init(sortableBytes bytes: UnsafeRawBufferPointer) throws {
        guard bytes.count == 1, bytes[0] <= 1 else { throw DecodingError.malformed("a Bool key is one byte, 0 or 1") }
        self = bytes[0] == 1
    }
}

extension Double: SortableKey {
    /// Encodes the IEEE-754 bits so that byte order is numeric order: negative numbers have every bit
    /// flipped, others only the sign bit.
    @inlinable public func encodeSortable(into writer: inout ByteWriter) {
        let bits = bitPattern
        writer.writeBigEndian(bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63))
    }

    /// Reads 8 bytes written by ``encodeSortable(into:)``.
    @inlinable public init(sortableBytes bytes: UnsafeRawBufferPointer) throws {
        var reader = ByteReader(bytes)
        let stored = try reader.readBigEndian(UInt64.self)
        guard reader.isAtEnd else { throw DecodingError.malformed("a Double key is 8 bytes") }
        self = Double(bitPattern: stored & (1 << 63) != 0 ? stored & ~(1 << 63) : ~stored)
    }
}
