import Foundation

/// The rule that keeps a job-file store within its size limits: which stored files go to make
/// room for a new one, oldest first, never one a running job uses.
struct JobFileQuota: Sendable, Equatable {
    /// A stored file as the rule sees it.
    struct Entry: Sendable, Equatable {
        var sha256: String
        var size: Int64
        var lastUsed: Date
        var isReferenced: Bool
    }

    /// Why a file cannot be stored.
    enum Refusal: Error, Equatable {
        /// The file alone is larger than the per-file limit.
        case fileTooLarge(limit: Int64)
        /// Even with every unreferenced file gone, the store would exceed its quota.
        case storeFull(quota: Int64, referencedBytes: Int64)
    }

    /// The largest file accepted.
    var maximumFileSize: Int64
    /// The most bytes the store holds.
    var quota: Int64

    /// The files to remove, least recently used first, so that a file of `size` bytes fits beside
    /// `entries`; throws when it cannot fit.
    func evictions(toStore size: Int64, beside entries: [Entry]) throws(Refusal) -> [String] {
        guard size <= maximumFileSize else { throw .fileTooLarge(limit: maximumFileSize) }
        var total = entries.reduce(0) { $0 + $1.size }
        guard total + size > quota else { return [] }
        var evicted: [String] = []
        for entry in entries.filter({ !$0.isReferenced }).sorted(by: {
            ($0.lastUsed, $0.sha256) < ($1.lastUsed, $1.sha256)
        }) {
            evicted.append(entry.sha256)
            total -= entry.size
            if total + size <= quota { return evicted }
        }
        throw .storeFull(quota: quota, referencedBytes: entries.filter(\.isReferenced).reduce(0) { $0 + $1.size })
    }

    /// The unreferenced files unused for longer than `retention` at `now`, which may go.
    static func expired(_ entries: [Entry], retention: TimeInterval, now: Date) -> [String] {
        entries.filter { !$0.isReferenced && now.timeIntervalSince($0.lastUsed) > retention }.map(\.sha256)
    }
}
