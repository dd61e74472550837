import MapReduce

/// The client host and response size of one access log line, parsed without copying.
///
/// Accepted forms, fields separated by single spaces:
/// - Common: `host ident authuser [date] "request" status bytes`
/// - Combined: Common followed by ` "referer" "user-agent"` and optionally more fields
/// - two fields: `host bytes`
///
/// `bytes` is decimal digits or `-` (zero), read only where the format puts it: after the quoted
/// request (in which `\"` escapes a quote) and the three-digit status. Anything else, such as a
/// truncated line or an unterminated quoted field, is not an access log line.
public struct AccessLogLine {
    /// The client host, borrowed from the line.
    public let host: ByteSlice
    /// The response size in bytes.
    public let bytes: Int64

    /// Parses a line, or returns nil if it is in none of the accepted forms.
    public init?(_ line: ByteSlice) {
        var cursor = Cursor(line.buffer)
        guard let host = cursor.token(), !host.isEmpty else { return nil }
        self.host = ByteSlice(host)
        guard let second = cursor.token() else { return nil }
        if cursor.atEnd {
            guard let size = Self.size(second) else { return nil }
            bytes = size
            return
        }
        guard cursor.token() != nil, cursor.bracketed(), cursor.quoted(), let status = cursor.token(),
            status.count == 3, status.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
            let sizeField = cursor.token(), let size = Self.size(sizeField)
        else { return nil }
        if !cursor.atEnd {
            guard cursor.quoted(), cursor.quoted() else { return nil }
        }
        bytes = size
    }

    /// The value of a bytes field: digits, or `-` for none.
    static func size(_ field: UnsafeRawBufferPointer) -> Int64? {
        if field.count == 1, field[0] == UInt8(ascii: "-") { return 0 }
        guard !field.isEmpty, field.count <= 18 else { return nil }
        var value: Int64 = 0
        for byte in field {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int64(byte - 0x30)
        }
        return value
    }

    /// A position in a line, consuming space-separated fields.
    struct Cursor {
        let bytes: UnsafeRawBufferPointer
        var index = 0

        init(_ bytes: UnsafeRawBufferPointer) {
            self.bytes = bytes
        }

        var atEnd: Bool { index >= bytes.count }

        /// Reads up to the next space (consumed) or the end.
        mutating func token() -> UnsafeRawBufferPointer? {
            guard !atEnd else { return nil }
            let start = index
            while index < bytes.count, bytes[index] != 0x20 { index += 1 }
            let field = UnsafeRawBufferPointer(rebasing: bytes[start..<index])
            if index < bytes.count { index += 1 }
            return field
        }

        /// Reads a `[…]` field and the space after it, if any.
        mutating func bracketed() -> Bool {
            guard !atEnd, bytes[index] == UInt8(ascii: "[") else { return false }
            while index < bytes.count, bytes[index] != UInt8(ascii: "]") { index += 1 }
            guard index < bytes.count else { return false }
            index += 1
            return separator()
        }

        /// Reads a `"…"` field (with `\"` escapes) and the space after it, if any.
        mutating func quoted() -> Bool {
            guard !atEnd, bytes[index] == UInt8(ascii: "\"") else { return false }
            index += 1
            while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
            }
            guard index < bytes.count else { return false }
            index += 1
            return separator()
        }

        /// Consumes the space after a field; true at the end of the line too.
        private mutating func separator() -> Bool {
            if atEnd { return true }
            guard bytes[index] == 0x20 else { return false }
            index += 1
            return true
        }
    }
}
