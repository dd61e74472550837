/// Reads text files as lines, splitting them by byte ranges with Hadoop's line rule.
///
/// A split `[start, end)` skips its first, partial line unless `start == 0`, and reads every line
/// that starts at or before `end`, to its end, even when it crosses into the next split. So every
/// line is read by exactly one split: the one in which the byte before it (its predecessor's
/// newline) lies. Lines end at `\n`; a `\r` before it is dropped; the last line needs no newline.
public struct TextInputFormat: InputFormat {
    /// Whether a UTF-8 byte order mark at the start of a file is passed to the mapper as text.
    ///
    /// Hadoop drops it (the default): the first line then starts after it, though for the split
    /// rule it still starts at offset 0. Word count keeps it, so its output equals `tr | sort | uniq -c`.
    public let keepsByteOrderMark: Bool
    /// The reader's buffer size; lines longer than it grow it.
    public let bufferSize: Int

    /// The fraction by which the last split of a file may exceed the split size instead of
    /// leaving a small split of its own, as in Hadoop's `SPLIT_SLOP`.
    public static let splitSlop = 1.1

    /// Creates the format.
    public init(keepsByteOrderMark: Bool = false, bufferSize: Int = 1 << 20) {
        self.keepsByteOrderMark = keepsByteOrderMark
        self.bufferSize = bufferSize
    }

    /// Text splits count bytes: small files share map tasks.
    public var combinesSmallSplits: Bool { true }

    /// Cuts each non-empty file into splits of `splitSize` bytes; the last may be up to 1.1 times as long.
    public func splits(of files: [InputFile], splitSize: Int64) throws -> [InputSplit] {
        precondition(splitSize > 0, "split size must be positive")
        return ByteRangeSplitter.splits(of: files, size: splitSize)
    }

    /// Reads the lines that start in the split, skipping a first partial line unless the split starts at 0, and returns how many input bytes it consumed.
    @inlinable public func read(_ split: InputSplit, _ body: (TextLine) throws -> Void) throws -> Int64 {
        let file = try FileReadHandle(path: split.readPath)
        let reader = LineReader(file: file, start: split.start, bufferSize: min(bufferSize, Int(split.length) + 4096))
        if split.start != 0 {
            _ = try reader.nextLine()
        }
        var lineStart = reader.position
        let firstByte = lineStart
        if split.start == 0, !keepsByteOrderMark, let head = try reader.peek(3), head[0] == 0xEF, head[1] == 0xBB,
            head[2] == 0xBF
        {
            reader.skip(3)
        }
        while lineStart <= split.end {
            let offset = reader.position
            guard let line = try reader.nextLine() else { break }
            try body(TextLine(bytes: ByteSlice(line), offset: offset))
            lineStart = reader.position
        }
        return reader.position - firstByte
    }
}
