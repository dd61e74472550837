import Foundation
import MapReduce

/// The size and the free space of a file system, as `statvfs` reports them for a path on it.
public struct DiskSpace: Sendable, Equatable {
    /// Bytes an unprivileged process may still write (`f_bavail` blocks).
    public var availableBytes: Int64
    /// The file system's size (`f_blocks` blocks).
    public var totalBytes: Int64

    /// Creates the value.
    public init(availableBytes: Int64, totalBytes: Int64) {
        self.availableBytes = availableBytes
        self.totalBytes = totalBytes
    }

    /// The file system that holds `path`.
    public static func of(_ path: String) throws -> DiskSpace {
        var stats = statvfs()
        guard statvfs(path, &stats) == 0 else {
            throw SystemError(path: path, action: "cannot measure free space")
        }
        let block = Int64(stats.f_frsize)
        return DiskSpace(availableBytes: Int64(stats.f_bavail) * block, totalBytes: Int64(stats.f_blocks) * block)
    }
}
