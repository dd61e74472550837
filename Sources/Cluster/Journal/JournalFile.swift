import Foundation
import Glibc
import NIOCore
import Wire

/// A file of checksummed records: the JobTracker's journal, or its snapshot.
///
/// A file is a 16-byte header and then records, each framed by its length and checksum:
///
/// ```
///  0        6             8                16
///  +--------+-------------+----------------+
///  | magic  | version u16 | generation u64 |   magic "MRJRNL" (journal) or "MRSNAP" (snapshot);
///  +--------+-------------+----------------+   version: the writer's wire protocol version
///
///  0            4            8                      8+length
///  +------------+------------+----------------------+
///  | length u32 | crc32c u32 | payload              |   one record; integers big-endian
///  +------------+------------+----------------------+
///               crc32c of the payload; the payload is a ``JournalRecord``
/// ```
///
/// A record cut short at the end of the file, or whose checksum fails and which ends exactly at
/// the end of the file, is a torn write (power lost mid-append): reading drops it. Anything else
/// that is wrong is ``JournalCorruption`` naming the file and offset, and a file of another protocol
/// version is ``JournalVersionMismatch``: records are in the writer's wire encoding. (A file of
/// another version that holds no job, only the `started` record, whose encoding every version
/// shares, is read: a drained JobTracker's journal does not stop its upgrade.) Files written
/// before the version was recorded have the ASCII digits "01" there, read as version 6, the only
/// version that wrote them.
struct JournalFile: Sendable {
    /// The magic of a journal file.
    static let journalMagic = Array("MRJRNL".utf8)
    /// The magic of a snapshot file.
    static let snapshotMagic = Array("MRSNAP".utf8)
    /// The version field of files written before the version was recorded: ASCII "01".
    static let unversioned: UInt16 = 0x3031
    /// The protocol version that wrote the unversioned files.
    static let unversionedProtocol: UInt16 = 6
    /// The header's size.
    static let headerSize = 16
    /// The largest record payload (a broadcast may be 64 MiB).
    static let maximumPayload = 256 << 20

    /// What reading a file found.
    struct Contents: Sendable {
        let generation: UInt64
        let records: [JournalRecord]
        /// The bytes up to the end of the last whole record; less than the file's size after a torn write.
        let validLength: Int
        /// The file's size.
        let size: Int
    }

    /// The header bytes of a file.
    static func header(magic: [UInt8], generation: UInt64) -> [UInt8] {
        magic + withUnsafeBytes(of: WireProtocol.version.bigEndian) { Array($0) }
            + withUnsafeBytes(of: generation.bigEndian) { Array($0) }
    }

    /// The framed bytes of records.
    static func frame(_ records: [JournalRecord]) -> [UInt8] {
        var bytes: [UInt8] = []
        for record in records { appendFrame(of: record, to: &bytes) }
        return bytes
    }

    /// Appends `record` framed: its length, its checksum and its payload.
    static func appendFrame(of record: JournalRecord, to bytes: inout [UInt8]) {
        let payload = record.encodedBuffer()
        payload.withUnsafeReadableBytes { payload in
            withUnsafeBytes(of: UInt32(payload.count).bigEndian) { bytes.append(contentsOf: $0) }
            withUnsafeBytes(of: CRC32C.checksum(payload).bigEndian) { bytes.append(contentsOf: $0) }
            bytes.append(contentsOf: payload)
        }
    }

    /// Reads the file at `path`, whose magic must be `magic`; `tornTailAllowed` is false for a
    /// snapshot, which is only ever renamed into place whole.
    static func read(_ path: String, magic: [UInt8], tornTailAllowed: Bool) throws -> Contents {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw JournalCorruption(path: path, offset: 0, problem: "cannot be read")
        }
        let bytes = [UInt8](data)
        guard bytes.count >= headerSize, Array(bytes[0..<6]) == magic else {
            throw JournalCorruption(path: path, offset: 0, problem: "no valid header")
        }
        let field = UInt16(bytes[6]) << 8 | UInt16(bytes[7])
        let version = field == unversioned ? unversionedProtocol : field
        let mismatch = JournalVersionMismatch(path: path, written: version, current: WireProtocol.version)
        let generation = bytes[8..<16].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        var records: [JournalRecord] = []
        var offset = headerSize
        while offset < bytes.count {
            let remaining = bytes.count - offset
            let torn = JournalCorruption(path: path, offset: offset, problem: "the last record is incomplete")
            guard remaining >= 8 else {
                if tornTailAllowed { break }
                throw torn
            }
            let length = Int(bytes[offset..<offset + 4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) })
            let checksum = bytes[offset + 4..<offset + 8].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            guard length <= maximumPayload else {
                throw JournalCorruption(path: path, offset: offset, problem: "record length \(length) is impossible")
            }
            guard remaining >= 8 + length else {
                if tornTailAllowed { break }
                throw torn
            }
            let payload = bytes[offset + 8..<offset + 8 + length]
            if version != WireProtocol.version, !(records.isEmpty && length == 9 && payload.first == 1) {
                throw mismatch
            }
            if CRC32C.checksum(payload) != checksum {
                if tornTailAllowed, offset + 8 + length == bytes.count { break }
                throw JournalCorruption(path: path, offset: offset, problem: "checksum mismatch")
            }
            var buffer = ByteBufferAllocator().buffer(capacity: length)
            buffer.writeBytes(payload)
            var reader = WireReader(buffer)
            do {
                records.append(try JournalRecord(from: &reader))
            } catch {
                throw JournalCorruption(path: path, offset: offset, problem: "undecodable record: \(error)")
            }
            offset += 8 + length
        }
        return Contents(generation: generation, records: records, validLength: offset, size: bytes.count)
    }

    /// Writes a whole file of framed `records` atomically: into a temporary sibling, synced, then
    /// renamed over `path` and the directory synced.
    static func writeAtomically(_ path: String, magic: [UInt8], generation: UInt64, records: [UInt8]) throws {
        try writeAtomically(path) { descriptor, temporary in
            try writeAll(header(magic: magic, generation: generation) + records, to: descriptor, path: temporary)
        }
    }

    /// Writes `state`'s records as a whole snapshot file, atomically, through a buffer of at most
    /// ``snapshotChunk`` bytes and one record: a 100,000-map job's snapshot is never whole in
    /// memory. Returns the bytes of the records.
    static func writeSnapshot(of state: JournalState, to path: String, generation: UInt64) throws -> Int {
        try writeAtomically(path) { descriptor, temporary in
            var chunk = header(magic: snapshotMagic, generation: generation)
            chunk.reserveCapacity(snapshotChunk + 64 << 10)
            var written = -chunk.count
            try state.forEachRecord { record in
                appendFrame(of: record, to: &chunk)
                guard chunk.count >= snapshotChunk else { return }
                try writeAll(chunk, to: descriptor, path: temporary)
                written += chunk.count
                chunk.removeAll(keepingCapacity: true)
            }
            try writeAll(chunk, to: descriptor, path: temporary)
            return written + chunk.count
        }
    }

    /// How many bytes a snapshot's buffer gathers before it writes them.
    static let snapshotChunk = 1 << 20

    /// Creates a temporary sibling of `path`, lets `write` fill it, syncs it, renames it over
    /// `path` and syncs the directory.
    private static func writeAtomically<Result>(
        _ path: String,
        _ write: (_ descriptor: Int32, _ temporary: String) throws -> Result
    ) throws -> Result {
        let temporary = path + ".tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw JournalWriteError(path: temporary, action: "create") }
        defer { close(descriptor) }
        let result = try write(descriptor, temporary)
        guard fsync(descriptor) == 0 else { throw JournalWriteError(path: temporary, action: "fsync") }
        guard rename(temporary, path) == 0 else { throw JournalWriteError(path: path, action: "rename into place") }
        try syncDirectory(of: path)
        return result
    }

    /// Writes every byte of `bytes` to `descriptor`.
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws {
        var written = 0
        while written < bytes.count {
            let result = bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if result < 0, errno == EINTR { continue }
            guard result > 0 else { throw JournalWriteError(path: path, action: "write") }
            written += result
        }
    }

    /// Syncs the directory holding `path`, so that a rename or a new file survives power loss.
    static func syncDirectory(of path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw JournalWriteError(path: directory, action: "open") }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw JournalWriteError(path: directory, action: "fsync") }
    }
}
