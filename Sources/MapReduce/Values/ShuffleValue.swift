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
    @inlinable public var approximateByteCount: Int { MemoryLayout<Self>.stride }

    @inlinable public func splitEncoding() -> SplitEncoding? { nil }

    @inlinable public var encodedByteCount: Int {
        var writer = ByteWriter(capacity: 16)
        encode(into: &writer)
        return writer.count
    }
}

/// Signed integers encode as zig-zag varints, unsigned ones as varints.
extension ShuffleValue where Self: FixedWidthInteger {
    @inlinable public var encodedByteCount: Int {
        let raw = Self.isSigned ? UInt64(bitPattern: (Int64(self) << 1) ^ (Int64(self) >> 63)) : UInt64(self)
        return Swift.max(1, (64 - raw.leadingZeroBitCount + 6) / 7)
    }

    @inlinable public func encode(into writer: inout ByteWriter) {
        if Self.isSigned {
            writer.writeZigZag(Int64(self))
        } else {
            writer.writeVarint(UInt64(self))
        }
    }

    @inlinable public init(decoding reader: inout ByteReader) throws {
        if Self.isSigned {
            let wide = try reader.readZigZag()
            guard let narrow = Self(exactly: wide) else { throw DecodingError.malformed("\(wide) overflows \(Self.self)") }
            self = narrow
        } else {
            let wide = try reader.readVarint()
            guard let narrow = Self(exactly: wide) else { throw DecodingError.malformed("\(wide) overflows \(Self.self)") }
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
    @inlinable public func encode(into writer: inout ByteWriter) { writer.write(self ? 1 : 0) }

    @inlinable public init(decoding reader: inout ByteReader) throws { self = try reader.readByte() != 0 }
}

extension Double: ShuffleValue {
    @inlinable public func encode(into writer: inout ByteWriter) { writer.writeBigEndian(bitPattern) }

    @inlinable public init(decoding reader: inout ByteReader) throws {
        self = Double(bitPattern: try reader.readBigEndian(UInt64.self))
    }
}

extension String: ShuffleValue {
    @inlinable public func encode(into writer: inout ByteWriter) {
        var copy = self
        copy.withUTF8 { writer.writeLengthPrefixed(UnsafeRawBufferPointer($0)) }
    }

    @inlinable public init(decoding reader: inout ByteReader) throws {
        self = String(decoding: try reader.readLengthPrefixed(), as: UTF8.self)
    }

    @inlinable public var approximateByteCount: Int { utf8.count + 16 }
}

extension Array: ShuffleValue where Element: ShuffleValue {
    @inlinable public func encode(into writer: inout ByteWriter) {
        writer.writeVarint(UInt64(count))
        for element in self { element.encode(into: &writer) }
    }

    @inlinable public init(decoding reader: inout ByteReader) throws {
        let count = try reader.readVarint()
        guard count <= UInt64(reader.remaining) else { throw DecodingError.truncated }
        var elements: [Element] = []
        elements.reserveCapacity(Int(count))
        for _ in 0..<count { elements.append(try Element(decoding: &reader)) }
        self = elements
    }

    @inlinable public var approximateByteCount: Int {
        32 + reduce(0) { $0 + $1.approximateByteCount }
    }
}
