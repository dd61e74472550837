import MapReduce

/// A value of one large buffer, made from its tag, that offers a split encoding.
struct Blob: ShuffleValue, Equatable {
    var tag: Int
    var bytes: [UInt8]

    /// The bytes a blob with `tag` holds: a little over 1 MiB, different for every tag.
    static func bytes(for tag: Int) -> [UInt8] {
        (0..<(1 << 20) + 4099 * (tag % 5)).map { UInt8(truncatingIfNeeded: $0 &* 13 &+ tag) }
    }

    init(tag: Int) {
        self.tag = tag
        bytes = Blob.bytes(for: tag)
    }

    func encode(into writer: inout ByteWriter) {
        writer.writeVarint(UInt64(tag))
        bytes.withUnsafeBytes { writer.writeLengthPrefixed($0) }
    }

    init(decoding reader: inout ByteReader) throws {
        tag = Int(try reader.readVarint())
        bytes = Array(try reader.readLengthPrefixed())
    }

    func splitEncoding() -> SplitEncoding? {
        var head = ByteWriter()
        head.writeVarint(UInt64(tag))
        head.writeVarint(UInt64(bytes.count))
        return SplitEncoding(head: head.bytes, tail: bytes)
    }

    var approximateByteCount: Int { bytes.count + 16 }
}

/// Emits a blob per input line, keyed by the line's number modulo 3.
struct BlobMapper: Mapper {
    init() {}

    mutating func map(_ line: TextLine, context: MapContext<Int, Blob>) throws {
        guard let tag = Int(line.bytes.string) else { return }
        try context.emit(tag % 3, Blob(tag: tag))
    }
}

/// Writes, per key, how many blobs arrived intact (their bytes are those their tag makes).
struct BlobCheckReducer: Reducer {
    init() {}

    mutating func reduce(_ key: Int, values: ReduceValues<Blob>, context: ReduceContext<Int, Int>) throws {
        var intact = 0
        for blob in values where blob.bytes == Blob.bytes(for: blob.tag) { intact += 1 }
        try context.write(key, intact)
    }
}

/// A job whose map output values are all large and split, to test spills, merges and reads of
/// such values.
struct LargeValueJob: Job {
    static let name = "test-large-values"
    static let summary = "Large split-encoded values through the shuffle"

    init(parameters: JobParameters) {}

    var phases: [Phase] {
        [
            Phase(
                "blobs",
                input: TextInputFormat(),
                mapper: BlobMapper.self,
                reducer: BlobCheckReducer.self,
                output: TextOutputFormat<Int, Int>()
            )
        ]
    }
}
