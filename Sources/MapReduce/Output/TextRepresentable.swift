/// A type that text output formats can write as the key or value of a `key<TAB>value` line.
public protocol TextRepresentable {
    /// Appends the text form of the value, as raw bytes.
    func writeText(into writer: inout ByteWriter)
}

extension String: TextRepresentable {
    /// Writes the string's UTF-8 bytes.
    @inlinable public func writeText(into writer: inout ByteWriter) { writer.write(contentsOf: utf8) }
}

extension Substring: TextRepresentable {
    /// Writes the substring's UTF-8 bytes.
    @inlinable public func writeText(into writer: inout ByteWriter) { writer.write(contentsOf: utf8) }
}

extension Double: TextRepresentable {
    /// Writes the number as Swift prints it (`description`).
    public func writeText(into writer: inout ByteWriter) { writer.write(contentsOf: description.utf8) }
}

extension Bool: TextRepresentable {
    /// Writes `true` or `false`.
    public func writeText(into writer: inout ByteWriter) { writer.write(contentsOf: description.utf8) }
}

/// Integers write their decimal digits.
extension TextRepresentable where Self: BinaryInteger {
    /// Writes the integer's decimal digits.
    @inlinable public func writeText(into writer: inout ByteWriter) { writer.writeDecimal(self) }
}

extension Int: TextRepresentable {}
extension Int8: TextRepresentable {}
extension Int16: TextRepresentable {}
extension Int32: TextRepresentable {}
extension Int64: TextRepresentable {}
extension UInt: TextRepresentable {}
extension UInt8: TextRepresentable {}
extension UInt16: TextRepresentable {}
extension UInt32: TextRepresentable {}
extension UInt64: TextRepresentable {}
