import Glibc
import MapReduce

/// How streaming turns a command's output lines into keys and values, and records back into
/// input lines, as Hadoop Streaming does.
///
/// A map output line's key is the text up to the `keyFields`-th separator and its value the rest
/// after that separator; a line with fewer separators is all key, with an empty value. A record
/// goes to a command as `key<separator>value`, or `key` alone when the value is empty.
struct StreamingLineFormat: Sendable, Equatable {
    /// The bytes between fields (`stream.map.output.field.separator`, a tab by default).
    let separator: [UInt8]
    /// How many leading fields make the key (`stream.num.map.output.key.fields`, 1 by default).
    let keyFields: Int

    /// A format with `separator` between fields and the first `keyFields` fields as the key.
    init(separator: [UInt8] = [0x09], keyFields: Int = 1) {
        precondition(!separator.isEmpty && keyFields >= 1, "a streaming line format needs a separator and a key field")
        self.separator = separator
        self.keyFields = keyFields
    }

    /// The key and the value of `line`, borrowed from it.
    func split(_ line: ByteSlice) -> (key: ByteSlice, value: ByteSlice) {
        let bytes = line.buffer
        var found = 0
        var position = 0
        while let match = Self.find(separator, in: bytes, from: position) {
            found += 1
            if found == keyFields {
                let valueStart = match + separator.count
                return (line[bytes: 0..<match], line[bytes: valueStart..<bytes.count])
            }
            position = match + separator.count
        }
        return (line, line[bytes: bytes.count..<bytes.count])
    }

    /// Appends `key`, and the separator and `value` when the value is not empty, then a newline.
    func appendLine(key: ByteSlice, value: ByteSlice, to output: inout [UInt8]) {
        output.append(contentsOf: key.buffer)
        if !value.isEmpty {
            output.append(contentsOf: separator)
            output.append(contentsOf: value.buffer)
        }
        output.append(0x0A)
    }

    /// The offset of the first `needle` in `bytes` at or after `start`, or nil.
    private static func find(_ needle: [UInt8], in bytes: UnsafeRawBufferPointer, from start: Int) -> Int? {
        guard let base = bytes.baseAddress, start < bytes.count else { return nil }
        var position = start
        while position + needle.count <= bytes.count {
            guard let hit = memchr(base + position, Int32(needle[0]), bytes.count - position) else { return nil }
            let offset = base.distance(to: UnsafeRawPointer(hit))
            if offset + needle.count > bytes.count { return nil }
            if needle.count == 1 || memcmp(base + offset, needle, needle.count) == 0 { return offset }
            position = offset + 1
        }
        return nil
    }
}
