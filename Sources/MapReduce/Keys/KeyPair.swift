/// A composite key of two parts that sorts by the first part, then by the second.
///
/// The first part's encoding is escaped and terminated so that no first part is mistaken for a
/// prefix of another: byte `0x00` becomes `0x00 0xFF` and the part ends with `0x00 0x01`. Since
/// the terminator sorts below every escaped byte, `("a", x)` sorts before `("ab", y)`.
public struct KeyPair<First: SortableKey, Second: SortableKey>: SortableKey {
    /// The major sort component.
    public var first: First
    /// The minor sort component.
    public var second: Second

    /// Creates a pair.
    @inlinable public init(_ first: First, _ second: Second) {
        self.first = first
        self.second = second
    }

    /// Appends the first part escaped and terminated, then the second part.
    @inlinable public func encodeSortable(into writer: inout ByteWriter) {
        var part = ByteWriter()
        first.encodeSortable(into: &part)
        for byte in part.bytes {
            writer.write(byte)
            if byte == 0 { writer.write(0xFF) }
        }
        writer.write(0x00)
        writer.write(0x01)
        second.encodeSortable(into: &writer)
    }

    /// Splits the bytes at the first part's terminator and decodes both parts.
    @inlinable public init(sortableBytes bytes: UnsafeRawBufferPointer) throws {
        var unescaped: [UInt8] = []
        var index = 0
        while true {
            guard index < bytes.count else { throw DecodingError.malformed("a KeyPair's first part is not terminated") }
            let byte = bytes[index]
            if byte != 0 {
                unescaped.append(byte)
                index += 1
                continue
            }
            guard index + 1 < bytes.count else {
                throw DecodingError.malformed("a KeyPair's first part is not terminated")
            }
            let marker = bytes[index + 1]
            index += 2
            if marker == 0x01 { break }
            guard marker == 0xFF else { throw DecodingError.malformed("bad escape in a KeyPair") }
            unescaped.append(0)
        }
        first = try unescaped.withUnsafeBytes { try First(sortableBytes: $0) }
        second = try Second(sortableBytes: UnsafeRawBufferPointer(rebasing: bytes[index...]))
    }
}

extension KeyPair: Equatable where First: Equatable, Second: Equatable {}
extension KeyPair: Hashable where First: Hashable, Second: Hashable {}
extension KeyPair: Sendable where First: Sendable, Second: Sendable {}
