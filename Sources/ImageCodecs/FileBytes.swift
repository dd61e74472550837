#if canImport(Glibc)
import Glibc

private func posixRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    Glibc.read(fd, buffer, count)
}

private func posixWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    Glibc.write(fd, buffer, count)
}
#elseif canImport(Darwin)
import Darwin

private func posixRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    Darwin.read(fd, buffer, count)
}

private func posixWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    Darwin.write(fd, buffer, count)
}
#endif

/// Whole-file and leading-byte reads and whole-file writes with one-line errors.
///
/// These helpers use POSIX calls directly so the codec layer needs no
/// Foundation. Every failure becomes an ``ImageCodecError`` that names the
/// file: a missing path is ``ImageCodecError/Kind/missingFile``, a zero-byte
/// file is ``ImageCodecError/Kind/emptyFile``.
public enum FileBytes {
    /// Reads the whole file at `path`; refuses missing and zero-byte files.
    public static func read(path: String) throws -> [UInt8] {
        try read(path: path, limit: Int.max)
    }

    /// Reads at most `count` leading bytes of `path`; refuses missing and
    /// zero-byte files.
    public static func readPrefix(path: String, count: Int) throws -> [UInt8] {
        try read(path: path, limit: count)
    }

    /// The size of the file at `path` in bytes.
    public static func size(path: String) throws -> Int {
        var status = stat()
        guard stat(path, &status) == 0 else {
            if errno == ENOENT || errno == ENOTDIR {
                throw ImageCodecError(.missingFile, path: path, "no such file")
            }
            throw ImageCodecError(.unreadable, path: path, "cannot stat: \(errnoText())")
        }
        return Int(status.st_size)
    }

    /// Writes `bytes` to `path`, creating or truncating it (mode 0644).
    public static func write(_ bytes: [UInt8], to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw ImageCodecError(.writeFailed, path: path, "cannot create file: \(errnoText())")
        }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw in
                posixWrite(fd, raw.baseAddress! + offset, raw.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw ImageCodecError(.writeFailed, path: path, "write failed: \(errnoText())")
            }
            offset += written
        }
    }

    private static func read(path: String, limit: Int) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT || errno == ENOTDIR {
                throw ImageCodecError(.missingFile, path: path, "no such file")
            }
            throw ImageCodecError(.unreadable, path: path, "cannot open: \(errnoText())")
        }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0 else {
            throw ImageCodecError(.unreadable, path: path, "cannot stat: \(errnoText())")
        }
        if (status.st_mode & S_IFMT) == S_IFDIR {
            throw ImageCodecError(.unreadable, path: path, "is a directory, not an image file")
        }
        let size = Int(status.st_size)
        if size == 0 {
            throw ImageCodecError(.emptyFile, path: path, "the file is empty (0 bytes)")
        }
        let wanted = min(size, limit)
        var bytes = [UInt8](repeating: 0, count: wanted)
        var filled = 0
        while filled < wanted {
            let got = bytes.withUnsafeMutableBytes { raw in
                posixRead(fd, raw.baseAddress! + filled, wanted - filled)
            }
            if got < 0 {
                if errno == EINTR { continue }
                throw ImageCodecError(.unreadable, path: path, "read failed: \(errnoText())")
            }
            if got == 0 { break }
            filled += got
        }
        bytes.removeSubrange(filled...)
        return bytes
    }

    private static func errnoText() -> String {
        String(cString: strerror(errno))
    }
}
