/// One line of a ``KeyValueTextInputFormat`` input, cut at its first separator.
public struct KeyValueLine {
    /// The bytes before the first separator, or the whole line if it has none; borrowed for the
    /// duration of the `map` call.
    public let key: ByteSlice
    /// The bytes after the first separator, empty if the line has none; borrowed likewise.
    public let value: ByteSlice
    /// The byte offset of the line's first byte in its file.
    public let offset: Int64

    /// Creates a line.
    @inlinable public init(key: ByteSlice, value: ByteSlice, offset: Int64) {
        self.key = key
        self.value = value
        self.offset = offset
    }
}
