import Glibc

/// Reads text files as `key<TAB>value` lines, as Hadoop's `KeyValueTextInputFormat` does.
///
/// Lines are split and read as by ``TextInputFormat`` (Hadoop's line rule; the byte order mark
/// is dropped). Each line is cut at its first separator byte (a tab unless told otherwise): the
/// key is what comes before it, the value what comes after, separators included. A line without
/// a separator is all key, with an empty value. This reads back what ``TextOutputFormat`` wrote.
public struct KeyValueTextInputFormat: InputFormat {
    /// The byte between key and value.
    public let separator: UInt8
    private let lines: TextInputFormat

    /// Creates the format; `separator` is the byte between key and value (a tab by default).
    public init(separator: UInt8 = 0x09, bufferSize: Int = 1 << 20) {
        self.separator = separator
        lines = TextInputFormat(keepsByteOrderMark: false, bufferSize: bufferSize)
    }

    /// Splits count bytes: small files share map tasks.
    public var combinesSmallSplits: Bool { true }

    /// Splits as ``TextInputFormat`` cuts them.
    public func splits(of files: [InputFile], splitSize: Int64) throws -> [InputSplit] {
        try lines.splits(of: files, splitSize: splitSize)
    }

    /// Reads the split's lines, each cut at its first separator.
    public func read(_ split: InputSplit, _ body: (KeyValueLine) throws -> Void) throws -> Int64 {
        let separator = Int32(separator)
        return try lines.read(split) { line in
            let bytes = line.bytes.buffer
            guard let base = bytes.baseAddress, let found = memchr(base, separator, bytes.count) else {
                try body(
                    KeyValueLine(
                        key: line.bytes,
                        value: ByteSlice(UnsafeRawBufferPointer(start: nil, count: 0)),
                        offset: line.offset
                    )
                )
                return
            }
            let cut = base.distance(to: UnsafeRawPointer(found))
            try body(
                KeyValueLine(
                    key: line.bytes[bytes: 0..<cut],
                    value: line.bytes[bytes: cut + 1..<bytes.count],
                    offset: line.offset
                )
            )
        }
    }
}
