/// Writes each record as its key's bytes followed by its value's, with nothing between or after,
/// into `part-r-NNNNN` files.
///
/// With ``ByteSlice`` or ``ByteString`` keys and values the files are the raw bytes, as a sort of
/// fixed-length binary records (TeraSort) writes them; other ``TextRepresentable`` types write
/// their text form.
public struct RawOutputFormat<Key: TextRepresentable, Value: TextRepresentable>: OutputFormat {
    /// Creates the format.
    public init() {}

    /// Opens the task's `part-r-NNNNN` file for key and value bytes.
    public func makeWriter(for task: TaskID, in directory: String) throws -> any RecordWriter<Key, Value> {
        FormattedRecordWriter<Key, Value>(file: try BufferedFileWriter(path: directory + "/" + task.partFileName)) {
            key,
            value,
            record in
            key.writeText(into: &record)
            value.writeText(into: &record)
        }
    }
}
