/// The order-independent checksum of a set of records, as Hadoop's TeraSort computes it: the
/// sum, modulo 2⁶⁴, of each record's CRC-32 (IEEE 802.3, as zlib's `crc32`).
///
/// Any permutation of the same records has the same checksum and count, so the checksum of a
/// sort's output equals that of its input.
public struct RecordChecksum: Sendable, Equatable {
    /// How many records were added.
    public private(set) var records: Int64 = 0
    /// The sum of their CRC-32s.
    public private(set) var sum: UInt64 = 0

    /// An empty checksum.
    public init() {}

    /// Adds one record.
    public mutating func add(_ record: UnsafeRawBufferPointer) {
        records += 1
        sum &+= UInt64(Self.crc32(record))
    }

    /// Adds the records of another checksum.
    public mutating func add(_ other: RecordChecksum) {
        records += other.records
        sum &+= other.sum
    }

    /// Creates the checksum of `records` records whose CRC-32s add up to `sum`.
    public init(records: Int64, sum: UInt64) {
        self.records = records
        self.sum = sum
    }

    /// The CRC-32 of `bytes`.
    public static func crc32(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }

    /// The CRC-32 of every byte value, for the byte-at-a-time algorithm.
    private static let table: [UInt32] = (0..<256).map { index in
        var crc = UInt32(index)
        for _ in 0..<8 { crc = crc & 1 == 1 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
        return crc
    }
}
