import Foundation

/// The limits of the JobTracker's job-file store, each a documented flag of `jobtracker`.
public struct JobFileStoreSettings: Sendable, Equatable {
    /// The largest job file accepted (`--job-file-limit`, default 512 MiB).
    public var maximumFileSize: Int64
    /// The most bytes the store keeps (`--job-file-quota`, default 10 GiB); the least recently used
    /// files no running job needs go first to make room.
    public var quota: Int64
    /// How long a file no running job needs is kept after its last use (`--job-file-retention`,
    /// default 1 h), so that resubmitting the same binary uploads nothing.
    public var retention: Duration

    /// Creates settings with the documented defaults.
    public init(maximumFileSize: Int64 = 512 << 20, quota: Int64 = 10 << 30, retention: Duration = .seconds(3600)) {
        self.maximumFileSize = maximumFileSize
        self.quota = quota
        self.retention = retention
    }
}
