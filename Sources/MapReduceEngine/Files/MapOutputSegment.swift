import MapReduce

/// Where one partition's records lie in a map output file.
public struct MapOutputSegment: Sendable, Equatable, Codable {
    /// The offset of the first record.
    public var offset: Int64
    /// The bytes of all its records.
    public var length: Int64
    /// How many records it holds.
    public var records: Int64

    /// Describes a segment.
    public init(offset: Int64, length: Int64, records: Int64) {
        self.offset = offset
        self.length = length
        self.records = records
    }

    /// The footer's magic number, "MRMO".
    static let magic: UInt32 = 0x4D52_4D4F
    /// The bytes of one index entry.
    static let indexEntrySize = 24

    /// Reads the index of the map output file at `path`.
    public static func readIndex(of path: String) throws -> [MapOutputSegment] {
        let file = try FileReadHandle(path: path)
        guard file.size >= 8 else { throw MapOutputFileError(path: path, problem: "too short for a map output file") }
        let footer = try file.readExactly(8, at: file.size - 8)
        let (count, magic) = footer.withUnsafeBytes { raw -> (UInt32, UInt32) in
            var reader = ByteReader(raw)
            return ((try? reader.readBigEndian(UInt32.self)) ?? 0, (try? reader.readBigEndian(UInt32.self)) ?? 0)
        }
        let indexSize = Int64(count) * Int64(indexEntrySize)
        guard magic == Self.magic, indexSize + 8 <= file.size else {
            throw MapOutputFileError(path: path, problem: "not a map output file (bad footer)")
        }
        let index = try file.readExactly(Int(indexSize), at: file.size - 8 - indexSize)
        return try index.withUnsafeBytes { raw in
            var reader = ByteReader(raw)
            return try (0..<Int(count)).map { _ in
                MapOutputSegment(
                    offset: Int64(try reader.readBigEndian(UInt64.self)),
                    length: Int64(try reader.readBigEndian(UInt64.self)),
                    records: Int64(try reader.readBigEndian(UInt64.self))
                )
            }
        }
    }
}

/// A map output file that cannot be read, said in one line.
public struct MapOutputFileError: Error, CustomStringConvertible {
    /// The file.
    public let path: String
    /// What is wrong.
    public let problem: String

    public var description: String { "\(path): \(problem)" }
}
