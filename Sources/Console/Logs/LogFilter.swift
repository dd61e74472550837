import Cluster
import Logging

/// Which log lines the Logs page and `/api/v1/logs` show: of one job, one source (a tracker, the
/// JobTracker or an attempt), at a level and above; empty fields match everything.
struct LogFilter: Sendable, Equatable {
    /// A job id, or empty.
    var job = ""
    /// A source (tracker id, `jobtracker`, attempt id), or empty.
    var source = ""
    /// The lowest level shown, or empty for all.
    var level = ""

    /// Whether `record` passes.
    func matches(_ record: LogRecord) -> Bool {
        if !job.isEmpty, record.job != job { return false }
        if !source.isEmpty, record.source != source { return false }
        if let lowest = Logger.Level(rawValue: level) {
            guard let own = Logger.Level(rawValue: record.level), own >= lowest else { return false }
        }
        return true
    }
}
