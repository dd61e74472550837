/// Writes `key<TAB>value` lines into `part-r-NNNNN` files (`part-m-NNNNN` in a map-only job), as
/// Hadoop's `TextOutputFormat` does.
public struct TextOutputFormat<Key: TextRepresentable, Value: TextRepresentable>: OutputFormat {
    /// Creates the format.
    public init() {}

    /// Opens the task's `part-r-NNNNN` file for `key<TAB>value` lines.
    public func makeWriter(for task: TaskID, in directory: String) throws -> any RecordWriter<Key, Value> {
        FormattedRecordWriter<Key, Value>(file: try BufferedFileWriter(path: directory + "/" + task.partFileName)) {
            key,
            value,
            line in
            key.writeText(into: &line)
            line.write(0x09)
            value.writeText(into: &line)
            line.write(0x0A)
        }
    }
}
