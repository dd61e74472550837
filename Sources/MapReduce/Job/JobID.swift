import Foundation

/// A job's identity: the cluster's start stamp and a sequence number, printed `job_<stamp>_<seq>`.
///
/// ``JobID``, ``TaskID`` and ``AttemptID`` are the one place where ids and the file names derived
/// from them are spelled, so logs, the CLI and the disk agree.
public struct JobID: Hashable, Sendable, Codable, Comparable, CustomStringConvertible, LosslessStringConvertible {
    /// The start stamp of the JobTracker that issued the id (digits, e.g. `20261127055030`).
    public let cluster: String
    /// The job's sequence number within that JobTracker.
    public let sequence: Int

    /// Creates an id.
    public init(cluster: String, sequence: Int) {
        self.cluster = cluster
        self.sequence = sequence
    }

    /// Parses `job_<stamp>_<seq>`.
    public init?(_ description: String) {
        guard let id = IDScanner.parse(description, { scanner in scanner.skip("job_") ? scanner.job() : nil }) else {
            return nil
        }
        self = id
    }

    /// The part shared by task and attempt ids: `<stamp>_<seq>`.
    public var suffix: String { "\(cluster)_\(Self.padded(sequence, width: 4))" }

    /// The printed form, `job_<stamp>_<seq>`.
    public var description: String { "job_\(suffix)" }

    /// Orders jobs by cluster stamp, then by sequence number.
    public static func < (lhs: JobID, rhs: JobID) -> Bool {
        (lhs.cluster, lhs.sequence) < (rhs.cluster, rhs.sequence)
    }

    /// The stamp of a cluster started at `date`: its UTC time as `yyyyMMddHHmmss`.
    ///
    /// Spelled out by hand: a `DateFormatter` loads ICU first, about 2 ms of every `mrsubmit` run.
    public static func clusterStamp(at date: Date = Date()) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return [
            (Int(parts.tm_year) + 1900, 4), (Int(parts.tm_mon) + 1, 2), (Int(parts.tm_mday), 2),
            (Int(parts.tm_hour), 2),
            (Int(parts.tm_min), 2), (Int(parts.tm_sec), 2),
        ].map { padded($0.0, width: $0.1) }.joined()
    }

    /// `value` in decimal, zero-padded to `width` digits.
    static func padded(_ value: Int, width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
