import Glibc

/// A file opened for reading at explicit offsets, with errors that name the file.
public final class FileReadHandle: @unchecked Sendable {
    /// The file's path.
    public let path: String
    /// The file's size when it was opened.
    public let size: Int64
    private let descriptor: Int32

    /// Opens the file at `path`.
    public init(path: String) throws {
        self.path = path
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw SystemError(path: path, action: "cannot open") }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            _ = Glibc.close(descriptor)
            throw SystemError(path: path, action: "cannot stat")
        }
        size = Int64(status.st_size)
    }

    deinit {
        _ = Glibc.close(descriptor)
    }

    /// Reads up to `destination.count` bytes at `offset`; fewer only at the end of the file.
    public func read(into destination: UnsafeMutableRawBufferPointer, at offset: Int64) throws -> Int {
        var done = 0
        while done < destination.count {
            let count = pread(
                descriptor,
                destination.baseAddress! + done,
                destination.count - done,
                off_t(offset) + off_t(done)
            )
            if count < 0 {
                if errno == EINTR { continue }
                throw SystemError(path: path, action: "cannot read")
            }
            if count == 0 { break }
            done += count
        }
        return done
    }

    /// Maps `count` bytes at `offset` read-only; throws if the file is now shorter than that.
    public func map(_ count: Int, at offset: Int64) throws -> FileMapping {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw SystemError(path: path, action: "cannot stat") }
        guard offset + Int64(count) <= Int64(status.st_size) else {
            throw SystemError(path: path, action: "file is shorter than expected", code: EIO)
        }
        return try FileMapping(descriptor: descriptor, path: path, offset: offset, count: count)
    }

    /// Reads exactly `count` bytes at `offset`.
    public func readExactly(_ count: Int, at offset: Int64) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        let read = try bytes.withUnsafeMutableBytes { try self.read(into: $0, at: offset) }
        guard read == count else { throw SystemError(path: path, action: "file is shorter than expected", code: EIO) }
        return bytes
    }
}
