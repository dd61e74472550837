import Glibc

/// A journal write or fsync that failed: the JobTracker refuses new submissions until a write
/// succeeds again.
struct JournalWriteError: Error, CustomStringConvertible {
    /// The file or directory.
    let path: String
    /// What failed.
    let action: String
    /// The system's reason.
    let reason: String

    /// The error of the call that just failed, its reason read from `errno`.
    init(path: String, action: String) {
        self.path = path
        self.action = action
        reason = String(cString: strerror(errno))
    }

    var description: String { "journal: cannot \(action) \(path): \(reason)" }
}
