import MapReduce

/// Writes a sorted map output (or spill) file: every partition's records, then an index.
///
/// ```
/// ┌──────────────── partition 0 ────────────────┬─ partition 1 ─┬ … ┬──── index ────┬─ footer ─┐
/// │ record record …                             │ record …      │   │ R × segment   │ R, magic │
/// └─────────────────────────────────────────────┴───────────────┴───┴───────────────┴──────────┘
/// record  = varint key length, varint value length, key bytes, value bytes
/// segment = u64 offset, u64 length, u64 record count   (big-endian)
/// footer  = u32 partition count R, u32 magic "MRMO"     (big-endian)
/// ```
/// Records must arrive in nondecreasing partition order, and by key bytes within a partition.
final class MapOutputFileWriter: MapOutputSink {
    private let file: BufferedFileWriter
    private var segments: [MapOutputSegment]
    private var current = 0

    /// The size from which a value goes to the file from where it lies, not through the buffer
    /// (which would grow to hold it, in fresh pages).
    static let directValueBytes = 1 << 16

    /// The number of records written.
    private(set) var recordCount: Int64 = 0

    /// Creates the file at `path` for `partitionCount` partitions.
    init(path: String, partitionCount: Int) throws {
        file = try BufferedFileWriter(path: path, bufferSize: 1 << 18)
        segments = Array(repeating: MapOutputSegment(offset: 0, length: 0, records: 0), count: partitionCount)
    }

    /// The file's path.
    var path: String { file.path }

    func beginRun() throws {}

    func append(partition: Int, key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer, tail: UnsafeRawBufferPointer) throws {
        precondition(partition >= current, "map output records must arrive in partition order")
        if partition != current { moveTo(partition) }
        let inline = value.count < Self.directValueBytes
        try file.append { record in
            record.writeVarint(UInt64(key.count))
            record.writeVarint(UInt64(value.count + tail.count))
            record.write(key)
            if inline { record.write(value) }
        }
        if !inline { try file.write(value) }
        if !tail.isEmpty { try file.write(tail) }
        segments[partition].records += 1
        recordCount += 1
    }

    func endRun() throws {}

    /// Writes the index and footer and closes the file.
    func finish() throws -> [MapOutputSegment] {
        moveTo(segments.count)
        try file.append { index in
            for segment in segments {
                index.writeBigEndian(UInt64(segment.offset))
                index.writeBigEndian(UInt64(segment.length))
                index.writeBigEndian(UInt64(segment.records))
            }
            index.writeBigEndian(UInt32(segments.count))
            index.writeBigEndian(MapOutputSegment.magic)
        }
        try file.close()
        return segments
    }

    /// Closes the segment being written and starts `partition` (or the end, for `segments.count`).
    private func moveTo(_ partition: Int) {
        if current < segments.count {
            segments[current].length = file.offset - segments[current].offset
        }
        for skipped in (current + 1)..<max(current + 1, min(partition + 1, segments.count)) {
            segments[skipped].offset = file.offset
        }
        current = partition
    }
}
