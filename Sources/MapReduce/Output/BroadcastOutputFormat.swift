/// Writes binary records that the framework ships to the next phase's tasks as a ``Broadcast``.
///
/// Use it as the output format of every phase but the last of a multi-phase job. The engine
/// refuses a broadcast larger than its limit (default 64 MiB): broadcasts are for small results.
public struct BroadcastOutputFormat<Key: SortableKey, Value: ShuffleValue>: OutputFormat {
    /// Creates the format.
    public init() {}

    /// Opens the task's `part-r-NNNNN` file for binary records.
    public func makeWriter(for task: TaskID, in directory: String) throws -> any RecordWriter<Key, Value> {
        BroadcastRecordWriter<Key, Value>(file: try BufferedFileWriter(path: directory + "/" + task.partFileName))
    }
}

/// The writer of ``BroadcastOutputFormat``.
final class BroadcastRecordWriter<Key: SortableKey, Value: ShuffleValue>: RecordWriter {
    private let file: BufferedFileWriter
    private var key = ByteWriter()
    private var value = ByteWriter()

    init(file: BufferedFileWriter) {
        self.file = file
    }

    func write(_ key: Key, _ value: Value) throws {
        self.key.removeAll()
        self.value.removeAll()
        key.encodeSortable(into: &self.key)
        value.encode(into: &self.value)
        let (encodedKey, encodedValue) = (self.key.bytes, self.value.bytes)
        try file.append { record in
            encodedKey.withUnsafeBytes { key in
                encodedValue.withUnsafeBytes { value in Broadcast.append(key: key, value: value, to: &record) }
            }
        }
    }

    func close() throws {
        try file.close()
    }
}
