/// One record of a ``FixedLengthInputFormat`` input: `recordLength` bytes at a multiple of it.
public struct FixedLengthRecord {
    /// The record's bytes, borrowed for the duration of the `map` call.
    public let bytes: ByteSlice
    /// The byte offset of the record in its file (Hadoop's `LongWritable` key).
    public let offset: Int64

    /// Creates a record.
    @inlinable public init(bytes: ByteSlice, offset: Int64) {
        self.bytes = bytes
        self.offset = offset
    }
}
