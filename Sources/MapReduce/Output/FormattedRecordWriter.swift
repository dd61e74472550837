/// A record writer that formats each record into a buffered file with a closure: the writer of
/// ``TextOutputFormat``, ``KeyOnlyTextOutputFormat`` and ``RawOutputFormat``.
final class FormattedRecordWriter<Key, Value>: RecordWriter {
    private let file: BufferedFileWriter
    private let format: (Key, Value, inout ByteWriter) -> Void

    init(file: BufferedFileWriter, format: @escaping (Key, Value, inout ByteWriter) -> Void) {
        self.file = file
        self.format = format
    }

    func write(_ key: Key, _ value: Value) throws {
        try file.append { format(key, value, &$0) }
    }

    func close() throws {
        try file.close()
    }
}
