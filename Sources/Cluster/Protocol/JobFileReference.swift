import Wire

/// A file in the JobTracker's job-file store, named by the SHA-256 of its bytes: a job binary, or
/// a file a job ships to its attempts.
public struct JobFileReference: WireCodable, Codable, Hashable, Sendable, CustomStringConvertible {
    /// The SHA-256 of the file's bytes, 64 lowercase hexadecimal digits.
    public var sha256: String
    /// The file's base name where it came from, e.g. `indexer`, for people and for attempts.
    public var name: String
    /// The file's size in bytes.
    public var size: Int64
    /// Whether the file is executable where it lands.
    public var isExecutable: Bool

    /// Creates a reference.
    public init(sha256: String, name: String, size: Int64, isExecutable: Bool) {
        self.sha256 = sha256
        self.name = name
        self.size = size
        self.isExecutable = isExecutable
    }

    /// The first 12 digits of the hash, enough to tell binaries apart in lists.
    public var shortHash: String { String(sha256.prefix(12)) }

    /// The name and short hash, e.g. `indexer@1a2b3c4d5e6f`.
    public var description: String { "\(name)@\(shortHash)" }

    /// Whether `text` is a well-formed hash: 64 lowercase hexadecimal digits.
    public static func isValidHash(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    public func encode(to writer: inout WireWriter) {
        writer.writeString(sha256)
        writer.writeString(name)
        writer.writeSignedVarint(size)
        writer.writeBool(isExecutable)
    }

    public init(from reader: inout WireReader) throws {
        sha256 = try reader.readString()
        guard Self.isValidHash(sha256) else { throw WireError.malformed("not a SHA-256 hash: \(sha256.prefix(80))") }
        name = try reader.readString()
        size = try reader.readSignedVarint()
        isExecutable = try reader.readBool()
    }
}
