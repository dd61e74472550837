import MapReduce

/// Writes the record of each generated row, as its key and the rest of its bytes.
struct TeraGenMapper: Mapper {
    private var seed: UInt64 = 0
    private var record = [UInt8](repeating: 0, count: TeraRecord.length)
    private var checksum = RecordChecksum()

    init() {}

    mutating func setup(_ context: MapContext<ByteSlice, ByteSlice>) throws {
        seed = try TeraGenJob.seed(context.parameters)
    }

    mutating func map(_ row: Int64, context: MapContext<ByteSlice, ByteSlice>) throws {
        try record.withUnsafeMutableBytes { bytes in
            TeraRecord.generate(row: row, seed: seed, into: bytes)
            let whole = ByteSlice(UnsafeRawBufferPointer(bytes))
            checksum.add(whole.buffer)
            try context.emit(
                whole[bytes: 0..<TeraRecord.keyLength],
                whole[bytes: TeraRecord.keyLength..<TeraRecord.length]
            )
        }
    }

    mutating func cleanup(_ context: MapContext<ByteSlice, ByteSlice>) throws {
        context.increment(TeraGenJob.checksumCounter, by: Int64(checksum.sum))
    }
}
