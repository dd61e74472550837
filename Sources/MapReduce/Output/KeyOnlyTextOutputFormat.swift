/// Writes each record's key as a line (`key\n`) into `part-r-NNNNN` files (`part-m-NNNNN` in a
/// map-only job), ignoring the value, as Hadoop's `TextOutputFormat` does with a `NullWritable`
/// value.
public struct KeyOnlyTextOutputFormat<Key: TextRepresentable, Value>: OutputFormat {
    /// Creates the format.
    public init() {}

    /// Opens the task's `part-r-NNNNN` file for `key` lines.
    public func makeWriter(for task: TaskID, in directory: String) throws -> any RecordWriter<Key, Value> {
        FormattedRecordWriter<Key, Value>(file: try BufferedFileWriter(path: directory + "/" + task.partFileName)) {
            key,
            _,
            line in
            key.writeText(into: &line)
            line.write(0x0A)
        }
    }
}
