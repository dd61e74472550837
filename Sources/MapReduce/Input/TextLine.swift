/// One line of a text input, without its line terminator (`\n` or `\r\n`).
public struct TextLine {
    /// The line's bytes, borrowed for the duration of the `map` call.
    public let bytes: ByteSlice
    /// The byte offset of the line's first byte in its file (Hadoop's `LongWritable` key).
    public let offset: Int64

    /// Creates a line.
    @inlinable public init(bytes: ByteSlice, offset: Int64) {
        self.bytes = bytes
        self.offset = offset
    }
}
