import NIOCore

// Scalar conformances. Fixed-width integers travel big-endian at their natural width; `Int` and
// `UInt` travel as varints (zigzag for `Int`) because counts and sizes are usually small.

extension UInt8: WireCodable {
    /// Writes the byte as is.
    public func encode(to writer: inout WireWriter) { writer.writeInteger(self) }
    /// Reads one byte.
    public init(from reader: inout WireReader) throws { self = try reader.readInteger() }
}

extension UInt16: WireCodable {
    /// Writes two bytes, big-endian.
    public func encode(to writer: inout WireWriter) { writer.writeInteger(self) }
    /// Reads two bytes, big-endian.
    public init(from reader: inout WireReader) throws { self = try reader.readInteger() }
}

extension UInt32: WireCodable {
    /// Writes four bytes, big-endian.
    public func encode(to writer: inout WireWriter) { writer.writeInteger(self) }
    /// Reads four bytes, big-endian.
    public init(from reader: inout WireReader) throws { self = try reader.readInteger() }
}

extension UInt64: WireCodable {
    /// Writes eight bytes, big-endian.
    public func encode(to writer: inout WireWriter) { writer.writeInteger(self) }
    /// Reads eight bytes, big-endian.
    public init(from reader: inout WireReader) throws { self = try reader.readInteger() }
}

extension Int8: WireCodable {
    /// Writes one two's-complement byte.
    public func encode(to writer: inout WireWriter) { writer.writeInteger(self) }
    /// Reads one two's-complement byte.
    public init(from reader: inout WireReader) throws { self = try reader.readInteger() }
}

extension Int16: WireCodable {
    /// Writes two bytes, big-endian two's complement.
    public func encode(to writer: inout WireWriter) { writer.writeInteger(self) }
    /// Reads two bytes, big-endian two's complement.
    public init(from reader: inout WireReader) throws { self = try reader.readInteger() }
}

extension Int32: WireCodable {
    /// Writes four bytes, big-endian two's complement.
    public func encode(to writer: inout WireWriter) { writer.writeInteger(self) }
    /// Reads four bytes, big-endian two's complement.
    public init(from reader: inout WireReader) throws { self = try reader.readInteger() }
}

extension Int64: WireCodable {
    /// Writes eight bytes, big-endian two's complement.
    public func encode(to writer: inout WireWriter) { writer.writeInteger(self) }
    /// Reads eight bytes, big-endian two's complement.
    public init(from reader: inout WireReader) throws { self = try reader.readInteger() }
}

extension Int: WireCodable {
    /// Writes a zigzag varint.
    public func encode(to writer: inout WireWriter) { writer.writeSignedVarint(Int64(self)) }
    /// Reads a zigzag varint, rejecting values that do not fit this platform's `Int`.
    public init(from reader: inout WireReader) throws {
        guard let value = Int(exactly: try reader.readSignedVarint()) else {
            throw WireError.malformed("integer does not fit in Int")
        }
        self = value
    }
}

extension UInt: WireCodable {
    /// Writes a varint.
    public func encode(to writer: inout WireWriter) { writer.writeVarint(UInt64(self)) }
    /// Reads a varint, rejecting values that do not fit this platform's `UInt`.
    public init(from reader: inout WireReader) throws {
        guard let value = UInt(exactly: try reader.readVarint()) else {
            throw WireError.malformed("integer does not fit in UInt")
        }
        self = value
    }
}

extension Bool: WireCodable {
    /// Writes one byte, 0 or 1.
    public func encode(to writer: inout WireWriter) { writer.writeBool(self) }
    /// Reads one byte, rejecting values other than 0 and 1.
    public init(from reader: inout WireReader) throws { self = try reader.readBool() }
}

extension Double: WireCodable {
    /// Writes the IEEE 754 bit pattern as eight bytes, big-endian.
    public func encode(to writer: inout WireWriter) { writer.writeInteger(bitPattern) }
    /// Reads an IEEE 754 bit pattern of eight bytes, big-endian.
    public init(from reader: inout WireReader) throws { self.init(bitPattern: try reader.readInteger()) }
}

extension String: WireCodable {
    /// Writes a varint length followed by the UTF-8 bytes.
    public func encode(to writer: inout WireWriter) { writer.writeString(self) }
    /// Reads a length-prefixed UTF-8 string.
    public init(from reader: inout WireReader) throws { self = try reader.readString() }
}

extension ByteBuffer: WireCodable {
    /// Writes a varint length followed by the readable bytes.
    public func encode(to writer: inout WireWriter) { writer.writeBytes(self) }
    /// Reads length-prefixed bytes as a slice, without copying.
    public init(from reader: inout WireReader) throws { self = try reader.readBytes() }
}
