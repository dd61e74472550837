import MapReduce

/// Emits each 100-byte record as its 10-byte key and its other 90 bytes, borrowed, not copied.
struct TeraSortMapper: Mapper {
    init() {}

    mutating func map(_ record: FixedLengthRecord, context: MapContext<ByteSlice, ByteSlice>) throws {
        try context.emit(
            record.bytes[bytes: 0..<TeraRecord.keyLength],
            record.bytes[bytes: TeraRecord.keyLength..<TeraRecord.length]
        )
    }
}
