/// A growable byte buffer that encoders append to.
///
/// Keys, values and output records are encoded into a `ByteWriter`; the engine reuses one
/// writer per task so that encoding allocates nothing in the steady state.
public struct ByteWriter: Sendable {
    /// The bytes written so far.
    public var bytes: [UInt8]

    /// Creates an empty writer with room for `capacity` bytes.
    public init(capacity: Int = 64) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// The number of bytes written so far.
    @inlinable public var count: Int { bytes.count }

    /// Forgets the written bytes but keeps the storage.
    @inlinable public mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
    }

    /// Appends one byte.
    @inlinable public mutating func write(_ byte: UInt8) {
        bytes.append(byte)
    }

    /// Appends raw bytes.
    @inlinable public mutating func write(_ raw: UnsafeRawBufferPointer) {
        bytes.append(contentsOf: raw)
    }

    /// Appends a sequence of bytes.
    @inlinable public mutating func write<S: Sequence>(contentsOf source: S) where S.Element == UInt8 {
        bytes.append(contentsOf: source)
    }

    /// Appends an integer in big-endian byte order, the order in which bytes compare like numbers.
    @inlinable public mutating func writeBigEndian<T: FixedWidthInteger>(_ value: T) {
        var big = value.bigEndian
        withUnsafeBytes(of: &big) { bytes.append(contentsOf: $0) }
    }

    /// Appends an unsigned LEB128 variable-length integer (7 bits per byte, low bits first).
    @inlinable public mutating func writeVarint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    /// Appends a signed integer as a zig-zag varint, so small negative numbers stay short.
    @inlinable public mutating func writeZigZag(_ value: Int64) {
        writeVarint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    /// Appends a varint length followed by the bytes.
    @inlinable public mutating func writeLengthPrefixed(_ raw: UnsafeRawBufferPointer) {
        writeVarint(UInt64(raw.count))
        bytes.append(contentsOf: raw)
    }

    /// Appends the decimal digits of an integer, as text output formats write numbers.
    @inlinable public mutating func writeDecimal<T: BinaryInteger>(_ value: T) {
        if value == 0 {
            bytes.append(UInt8(ascii: "0"))
            return
        }
        var magnitude = value.magnitude
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { scratch in
            while magnitude > 0 {
                let (quotient, remainder) = magnitude.quotientAndRemainder(dividingBy: 10)
                scratch[count] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: remainder)
                count += 1
                magnitude = quotient
            }
            for index in stride(from: count - 1, through: 0, by: -1) {
                bytes.append(scratch[index])
            }
        }
    }
}
