import NIOCore

/// A bounds-checked decoder that reads values written by ``WireWriter``.
///
/// Every read checks that enough bytes remain and throws ``WireError/truncated(needed:remaining:)``
/// or ``WireError/malformed(_:)`` instead of trapping, so hostile input cannot crash a daemon.
public struct WireReader: Sendable {
    /// The bytes not read yet.
    public private(set) var buffer: ByteBuffer

    /// Creates a reader over the readable bytes of `buffer`.
    public init(_ buffer: ByteBuffer) {
        self.buffer = buffer
    }

    /// The number of bytes not read yet.
    public var remaining: Int {
        buffer.readableBytes
    }

    /// Whether every byte has been read.
    public var isAtEnd: Bool {
        buffer.readableBytes == 0
    }

    /// Reads a big-endian fixed-width integer.
    public mutating func readInteger<T: FixedWidthInteger>(as type: T.Type = T.self) throws -> T {
        guard let value = buffer.readInteger(endianness: .big, as: T.self) else {
            throw WireError.truncated(needed: MemoryLayout<T>.size, remaining: remaining)
        }
        return value
    }

    /// Reads an LEB128 varint of at most ten bytes.
    public mutating func readVarint() throws -> UInt64 {
        var result: UInt64 = 0
        for index in 0..<10 {
            let byte: UInt8 = try readInteger()
            if index == 9 && byte > 1 {
                throw WireError.malformed("varint overflows 64 bits")
            }
            result |= UInt64(byte & 0x7F) << (7 * UInt64(index))
            if byte & 0x80 == 0 {
                return result
            }
        }
        throw WireError.malformed("varint longer than 10 bytes")
    }

    /// Reads a zigzag-encoded signed varint.
    public mutating func readSignedVarint() throws -> Int64 {
        let raw = try readVarint()
        return Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
    }

    /// Reads a boolean byte, rejecting values other than 0 and 1.
    public mutating func readBool() throws -> Bool {
        switch try readInteger(as: UInt8.self) {
        case 0: return false
        case 1: return true
        case let other: throw WireError.malformed("boolean byte \(other) is neither 0 nor 1")
        }
    }

    /// Reads a varint length and checks that at least that many bytes remain.
    public mutating func readLength() throws -> Int {
        let raw = try readVarint()
        guard raw <= UInt64(remaining) else {
            throw WireError.truncated(needed: Int(clamping: raw), remaining: remaining)
        }
        return Int(raw)
    }

    /// Reads a varint element count, refusing counts larger than the bytes left.
    ///
    /// Every element takes at least one byte, so a larger count can only come from bad input;
    /// checking it first keeps a hostile count from reserving memory.
    public mutating func readCount() throws -> Int {
        try readLength()
    }

    /// Reads length-prefixed bytes as a slice of the underlying buffer, without copying.
    public mutating func readBytes() throws -> ByteBuffer {
        try readRawBuffer(count: try readLength())
    }

    /// Reads length-prefixed bytes into an array.
    public mutating func readByteArray() throws -> [UInt8] {
        try readRawBytes(count: try readLength())
    }

    /// Reads exactly `count` bytes that carry no length prefix.
    public mutating func readRawBytes(count: Int) throws -> [UInt8] {
        guard count >= 0, let bytes = buffer.readBytes(length: count) else {
            throw WireError.truncated(needed: count, remaining: remaining)
        }
        return bytes
    }

    /// Reads exactly `count` bytes that carry no length prefix, as a slice without copying.
    public mutating func readRawBuffer(count: Int) throws -> ByteBuffer {
        guard count >= 0, let slice = buffer.readSlice(length: count) else {
            throw WireError.truncated(needed: count, remaining: remaining)
        }
        return slice
    }

    /// Reads a length-prefixed string, rejecting invalid UTF-8.
    public mutating func readString() throws -> String {
        let bytes = try readRawBuffer(count: try readLength()).readableBytesView
        guard let string = String(validating: bytes, as: UTF8.self) else {
            throw WireError.malformed("string is not valid UTF-8")
        }
        return string
    }

    /// Reads any codable value, inferring its type from the context.
    public mutating func read<T: WireCodable>(_ type: T.Type = T.self) throws -> T {
        try T(from: &self)
    }

    /// Throws ``WireError/malformed(_:)`` unless every byte has been read.
    ///
    /// Message decoders normally tolerate trailing bytes; use this where a field layout is final.
    public func expectEnd() throws {
        guard isAtEnd else {
            throw WireError.malformed("\(remaining) unexpected trailing bytes")
        }
    }
}
