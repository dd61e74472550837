import MapReduce

/// What a TeraValidate map learned of one split of a part file: its records' first and last
/// keys, their checksum, and the first record whose key is below its predecessor's.
struct SplitSummary: ShuffleValue, Equatable {
    /// The index in its file of the split's first record.
    var firstRecord: Int64
    /// The first record's key, empty when the split has no records.
    var firstKey: [UInt8]
    /// The last record's key.
    var lastKey: [UInt8]
    /// The count and checksum of the split's records.
    var checksum: RecordChecksum
    /// The index in its file of the first record out of order within the split, or -1.
    var disorderedRecord: Int64
    /// The key before that record, empty when there is none.
    var keyBefore: [UInt8]
    /// That record's key.
    var disorderedKey: [UInt8]

    func encode(into writer: inout ByteWriter) {
        firstRecord.encode(into: &writer)
        firstKey.withUnsafeBytes { writer.writeLengthPrefixed($0) }
        lastKey.withUnsafeBytes { writer.writeLengthPrefixed($0) }
        checksum.records.encode(into: &writer)
        checksum.sum.encode(into: &writer)
        disorderedRecord.encode(into: &writer)
        keyBefore.withUnsafeBytes { writer.writeLengthPrefixed($0) }
        disorderedKey.withUnsafeBytes { writer.writeLengthPrefixed($0) }
    }

    init(decoding reader: inout ByteReader) throws {
        firstRecord = try Int64(decoding: &reader)
        firstKey = [UInt8](try reader.readLengthPrefixed())
        lastKey = [UInt8](try reader.readLengthPrefixed())
        let records = try Int64(decoding: &reader)
        checksum = RecordChecksum(records: records, sum: try UInt64(decoding: &reader))
        disorderedRecord = try Int64(decoding: &reader)
        keyBefore = [UInt8](try reader.readLengthPrefixed())
        disorderedKey = [UInt8](try reader.readLengthPrefixed())
    }

    /// An empty summary of the split starting at record `firstRecord`.
    init(firstRecord: Int64) {
        self.firstRecord = firstRecord
        firstKey = []
        lastKey = []
        checksum = RecordChecksum()
        disorderedRecord = -1
        keyBefore = []
        disorderedKey = []
    }

    /// Adds the next record of the split, whose index in its file is `index`.
    mutating func add(_ record: ByteSlice, index: Int64) {
        let key = record[bytes: 0..<TeraRecord.keyLength]
        if checksum.records == 0 {
            firstKey = Array(key)
        } else if disorderedRecord < 0, lastKey.withUnsafeBytes({ KeyBytes.compare(key.buffer, $0) }) < 0 {
            disorderedRecord = index
            keyBefore = lastKey
            disorderedKey = Array(key)
        }
        lastKey.removeAll(keepingCapacity: true)
        lastKey.append(contentsOf: key)
        checksum.add(record.buffer)
    }
}
