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
/// Records are encoded straight into the writer's own buffer, which goes to the file whole.
final class MapOutputFileWriter: MapOutputSink {
    private let file: BufferedFileWriter
    private var segments: [MapOutputSegment]
    private var current = 0
    @exclusivity(unchecked) private var buffer: UnsafeMutableRawBufferPointer
    @exclusivity(unchecked) private var used = 0
    /// The records of partition `current` so far, stored in its segment when it is closed.
    @exclusivity(unchecked) private var currentRecords: Int64 = 0

    /// The size of the record buffer.
    static let bufferBytes = 1 << 18

    /// The size from which a value goes to the file from where it lies, not through the buffer
    /// (which would grow to hold it, in fresh pages).
    static let directValueBytes = 1 << 16

    /// The number of records written.
    private(set) var recordCount: Int64 = 0

    /// Creates the file at `path` for `partitionCount` partitions.
    init(path: String, partitionCount: Int) throws {
        file = try BufferedFileWriter(path: path, bufferSize: 1 << 12)
        segments = Array(repeating: MapOutputSegment(offset: 0, length: 0, records: 0), count: partitionCount)
        buffer = .allocate(byteCount: Self.bufferBytes, alignment: 16)
    }

    deinit {
        buffer.deallocate()
    }

    /// The file offset of the next record.
    private var offset: Int64 { file.offset + Int64(used) }

    /// Writes the buffered records to the file.
    private func flushBuffer() throws {
        guard used > 0 else { return }
        try file.write(UnsafeRawBufferPointer(rebasing: buffer[0..<used]))
        used = 0
    }

    /// Appends `bytes` to the buffer, which has room for them and ``slackBytes`` more.
    ///
    /// Up to sixteen bytes (a word, a small value) are copied with two eight-byte stores, which
    /// may write up to seven bytes of junk after them (overwritten by the next record, or never
    /// flushed), rather than by a call to `memcpy`.
    @inline(__always) private func put(_ bytes: UnsafeRawBufferPointer) {
        (buffer.baseAddress! + used).copyShort(from: bytes)
        used += bytes.count
    }

    /// The bytes after a record that ``put(_:)`` may write: a short copy's junk.
    private static var slackBytes: Int { 8 }

    /// Appends a varint to the buffer, which has room.
    @inline(__always) private func putVarint(_ value: Int) {
        var rest = UInt64(value)
        let base = buffer.baseAddress!
        while rest >= 0x80 {
            base.storeBytes(of: UInt8(truncatingIfNeeded: rest) | 0x80, toByteOffset: used, as: UInt8.self)
            used += 1
            rest >>= 7
        }
        base.storeBytes(of: UInt8(rest), toByteOffset: used, as: UInt8.self)
        used += 1
    }

    /// The file's path.
    var path: String { file.path }

    func beginRun() throws {}

    func append(
        partition: Int,
        key: UnsafeRawBufferPointer,
        value: UnsafeRawBufferPointer,
        tail: UnsafeRawBufferPointer
    ) throws {
        let keyCount = key.count
        let valueCount = value.count
        // A small record of the current partition, the common case: one-byte lengths, both parts
        // copied into the buffer, which has room.
        if partition == current, keyCount < 0x80, valueCount < 0x80, tail.isEmpty,
            used &+ 2 &+ keyCount &+ valueCount &+ Self.slackBytes <= buffer.count
        {
            let base = buffer.baseAddress!
            base.storeBytes(of: UInt8(truncatingIfNeeded: keyCount), toByteOffset: used, as: UInt8.self)
            base.storeBytes(of: UInt8(truncatingIfNeeded: valueCount), toByteOffset: used &+ 1, as: UInt8.self)
            used &+= 2
            put(key)
            put(value)
            currentRecords &+= 1
            recordCount &+= 1
            return
        }
        precondition(partition >= current, "map output records must arrive in partition order")
        if partition != current { moveTo(partition) }
        let inline = value.count < Self.directValueBytes
        let needed = 20 + Self.slackBytes + key.count + (inline ? value.count : 0)
        if used + needed > buffer.count { try flushBuffer() }
        if needed > buffer.count {
            var header = ByteWriter(capacity: 20)
            header.writeVarint(UInt64(key.count))
            header.writeVarint(UInt64(value.count + tail.count))
            try header.bytes.withUnsafeBytes { try file.write($0) }
            try file.write(key)
            try file.write(value)
        } else {
            putVarint(key.count)
            putVarint(value.count + tail.count)
            put(key)
            if inline {
                put(value)
            } else {
                try flushBuffer()
                try file.write(value)
            }
        }
        if !tail.isEmpty {
            try flushBuffer()
            try file.write(tail)
        }
        currentRecords += 1
        recordCount += 1
    }

    func endRun() throws {}

    /// Writes the index and footer and closes the file.
    func finish() throws -> [MapOutputSegment] {
        moveTo(segments.count)
        try flushBuffer()
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
            segments[current].length = offset - segments[current].offset
            segments[current].records = currentRecords
        }
        currentRecords = 0
        for skipped in (current + 1)..<max(current + 1, min(partition + 1, segments.count)) {
            segments[skipped].offset = offset
        }
        current = partition
    }
}
