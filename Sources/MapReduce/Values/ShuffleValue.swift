/// A type that can be an intermediate value: it has a compact binary encoding.
///
/// Unlike keys, values are never compared, so their encoding only has to round-trip. Built in:
/// integers (varints), `Double`, `Bool`, `String`, ``ByteString`` and arrays of values.
public protocol ShuffleValue {
    /// Appends the encoding of the value.
    func encode(into writer: inout ByteWriter)

    /// Reads one value, leaving the reader after it.
    init(decoding reader: inout ByteReader) throws

    /// About how many bytes of memory the value holds, for the map output buffer's accounting.
    var approximateByteCount: Int { get }

    /// The length of the value's encoding (the `MAP_OUTPUT_BYTES` counter adds it up).
    var encodedByteCount: Int { get }

    /// The encoding split before a large byte buffer that ends it, so that the buffer is written
    /// from where it lies; nil (the default) to encode the value whole with ``encode(into:)``.
    func splitEncoding() -> SplitEncoding?
}

extension ShuffleValue {
    /// The value's in-memory size (`MemoryLayout<Self>.stride`); values that own storage override it.
    @inlinable public var approximateByteCount: Int { MemoryLayout<Self>.stride }

    /// No split: the value is encoded whole.
    @inlinable public func splitEncoding() -> SplitEncoding? { nil }

    /// The length of the encoding, found by encoding the value into a scratch buffer.
    @inlinable public var encodedByteCount: Int {
        var writer = ByteWriter(capacity: 16)
        encode(into: &writer)
        return writer.count
    }
}

/// Signed integers encode as zig-zag varints, unsigned ones as varints.
extension ShuffleValue where Self: FixedWidthInteger {
    /// The length of the varint encoding: one byte per 7 significant bits, at least one.
    @inlinable public var encodedByteCount: Int {
        let raw = Self.isSigned ? UInt64(bitPattern: (Int64(self) << 1) ^ (Int64(self) >> 63)) : UInt64(self)
        // One more than the index of the highest set bit divided by 7, the division done as a
        // multiplication and a shift (exact for indexes up to 63).
        let highestBit = UInt64.bitWidth - 1 - (raw | 1).leadingZeroBitCount
        return (highestBit &* 37) &>> 8 &+ 1
    }

    /// Appends the value as a zig-zag varint (signed) or a varint (unsigned).
    @inlinable public func encode(into writer: inout ByteWriter) {
        if Self.isSigned {
            writer.writeZigZag(Int64(self))
        } else {
            writer.writeVarint(UInt64(self))
        }
    }

    /// Reads a varint written by ``encode(into:)``; throws if it does not fit the type.
    @inlinable public init(decoding reader: inout ByteReader) throws {
        if Self.isSigned {
            let wide = try reader.readZigZag()
            guard let narrow = Self(exactly: wide) else {
                throw DecodingError.malformed("\(wide) overflows \(Self.self)")
            }
            self = narrow
        } else {
            let wide = try reader.readVarint()
            guard let narrow = Self(exactly: wide) else {
                throw DecodingError.malformed("\(wide) overflows \(Self.self)")
            }
            self = narrow
        }
    }
}

extension Int: ShuffleValue {}
extension Int8: ShuffleValue {}
extension Int16: ShuffleValue {}
extension Int32: ShuffleValue {}
extension Int64: ShuffleValue {}
extension UInt: ShuffleValue {}
extension UInt8: ShuffleValue {}
extension UInt16: ShuffleValue {}
extension UInt32: ShuffleValue {}
extension UInt64: ShuffleValue {}

extension Bool: ShuffleValue {
    /// Appends one byte, 1 or 0.
    @inlinable public func encode(into writer: inout ByteWriter) { writer.write(self ? 1 : 0) }

    /// Reads one byte; any value but 0 is true.
    @inlinable public init(decoding reader: inout ByteReader) throws { self = try reader.readByte() != 0 }
}

extension Double: ShuffleValue {
    /// Appends the IEEE-754 bits, big-endian (8 bytes).
    @inlinable public func encode(into writer: inout ByteWriter) { writer.writeBigEndian(bitPattern) }

    /// Reads 8 bytes of IEEE-754 bits, big-endian.
    @inlinable public init(decoding reader: inout ByteReader) throws {
        self = Double(bitPattern: try reader.readBigEndian(UInt64.self))
    }
}

extension String: ShuffleValue {
    /// Appends the UTF-8 bytes after their length as a varint.
    @inlinable public func encode(into writer: inout ByteWriter) {
        var copy = self
        copy.withUTF8 { writer.writeLengthPrefixed(UnsafeRawBufferPointer($0)) }
    }

    /// Reads a length-prefixed UTF-8 string; invalid sequences become U+FFFD.
    @inlinable public init(decoding reader: inout ByteReader) throws {
        self = String(decoding: try reader.readLengthPrefixed(), as: UTF8.self)
    }

    /// The UTF-8 length plus the string's own storage.
    @inlinable public var approximateByteCount: Int { utf8.count + 16 }
}

extension Array: ShuffleValue where Element: ShuffleValue {
    /// Appends the element count as a varint, then each element's encoding.
    @inlinable public func encode(into writer: inout ByteWriter) {
        writer.writeVarint(UInt64(count))
        for element in self { element.encode(into: &writer) }
    }

    /// Reads an element count and that many elements; throws if the count exceeds the bytes left.
    @inlinable public init(decoding reader: inout ByteReader) throws {
        let count = try reader.readVarint()
        guard count <= UInt64(reader.remaining) else { throw DecodingError.truncated }
        var elements: [Element] = []
        elements.reserveCapacity(Int(count))
        for _ in 0..<count { elements.append(try Element(decoding: &reader)) }
        self = elements
    }

    /// The elements' sizes plus the array's own storage.
    @inlinable public var approximateByteCount: Int {
        32 + reduce(0) { $0 + $1.approximateByteCount }
    }
}
