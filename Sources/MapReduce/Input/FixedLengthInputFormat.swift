/// Reads binary files of fixed-length records, as Hadoop's `FixedLengthInputFormat` does.
///
/// A file is a sequence of records of ``recordLength`` bytes each, with no separators; a file
/// whose size is not a multiple of it is refused. Splits are cut on record boundaries, and a
/// split `[start, end)` that is not (a planner may cut byte ranges of its own) reads exactly the
/// records that start inside it, so every record is read by one split, whole, wherever the
/// boundaries fall. A TeraSort input, for instance, is 100-byte records whose first 10 bytes
/// are the key: `record.bytes[bytes: 0..<10]` and `record.bytes[bytes: 10..<100]`.
public struct FixedLengthInputFormat: InputFormat {
    /// The bytes of every record.
    public let recordLength: Int
    /// The reader's buffer size, rounded down to whole records (at least one).
    public let bufferSize: Int

    /// Creates the format for records of `recordLength` bytes.
    public init(recordLength: Int, bufferSize: Int = 1 << 20) {
        precondition(recordLength > 0, "the record length must be positive")
        self.recordLength = recordLength
        self.bufferSize = bufferSize
    }

    /// Splits count bytes: small files share map tasks.
    public var combinesSmallSplits: Bool { true }

    /// Splits of about `splitSize` bytes, rounded down to whole records; refuses a file that
    /// is not a whole number of records.
    public func splits(of files: [InputFile], splitSize: Int64) throws -> [InputSplit] {
        precondition(splitSize > 0, "split size must be positive")
        let length = Int64(recordLength)
        let size = max(length, splitSize / length * length)
        for file in files where file.size % length != 0 { throw partialRecordError(file.path, size: file.size) }
        return ByteRangeSplitter.splits(of: files, size: size)
    }

    /// Reads the records that start in the split and returns the bytes they cover.
    public func read(_ split: InputSplit, _ body: (FixedLengthRecord) throws -> Void) throws -> Int64 {
        let file = try FileReadHandle(path: split.readPath)
        guard file.size % Int64(recordLength) == 0 else { throw partialRecordError(split.path, size: file.size) }
        let length = Int64(recordLength)
        let first = (split.start + length - 1) / length * length
        let end = min(file.size, (split.end + length - 1) / length * length)
        guard first < end else { return 0 }
        let chunk = max(1, min(bufferSize, Int(end - first)) / recordLength) * recordLength
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunk, alignment: 16)
        defer { buffer.deallocate() }
        var offset = first
        while offset < end {
            let wanted = Int(min(Int64(chunk), end - offset))
            let read = try file.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[0..<wanted]), at: offset)
            guard read == wanted else {
                throw InputError(
                    path: split.path,
                    problem: "file ended at byte \(offset + Int64(read)) while being read"
                )
            }
            var position = 0
            while position < read {
                let record = UnsafeRawBufferPointer(rebasing: buffer[position..<position + recordLength])
                try body(FixedLengthRecord(bytes: ByteSlice(record), offset: offset + Int64(position)))
                position += recordLength
            }
            offset += Int64(read)
        }
        return end - first
    }

    private func partialRecordError(_ path: String, size: Int64) -> InputError {
        InputError(
            path: path,
            problem:
                "\(size) bytes is not a whole number of \(recordLength)-byte records (\(size % Int64(recordLength)) bytes left over)"
        )
    }
}
