import Foundation

/// The figures of one simulation, printed as a table for people or one JSON object for scripts.
struct SimulationReport: Sendable {
    var trackers: Int
    var slots: Int
    var seconds: Double
    var heartbeatsPerSecond: Double
    /// Client-side round trips of heartbeats answered at once (they carried reports).
    var heartbeatRoundTrip: Percentiles?
    /// Client-side round trips of every heartbeat, held ones included.
    var heartbeatRoundTripAll: Percentiles?
    /// The JobTracker's own processing time per heartbeat, from its `/metrics` histogram.
    var heartbeatService: Percentiles?
    /// The journal's group commits, from the JobTracker's histogram (nil without a journal).
    var journalSync: Percentiles?
    var tasksStartedPerSecond: Double
    var firstTaskStartSeconds: Double?
    var lastTaskStartSeconds: Double?
    var jobSeconds: Double?
    var jobsSubmitted: Int
    var jobsCompleted: Int
    var jobOutcome: String
    var lostTrackers: Int
    var lostTrackersNoticed: Int
    var lostNoticedAfterSeconds: Double?
    var jobTrackerCores: Double?
    var jobTrackerRSSMegabytes: Double?
    var jobTrackerPeakRSSMegabytes: Double?
    var simulatorCores: Double
    var messagesPerSecond: [String: Double]
    var errors: [String: Int]
    var errorExamples: [String]

    /// The 50th, 99th percentiles and maximum of a set of samples, in milliseconds.
    struct Percentiles: Sendable {
        var p50: Double
        var p99: Double
        var max: Double?

        /// The percentiles of `samples`; nil when there are none.
        init?(_ samples: [Double]) {
            guard !samples.isEmpty else { return nil }
            let sorted = samples.sorted()
            func rank(_ q: Double) -> Double { sorted[min(sorted.count - 1, Int(Double(sorted.count) * q))] }
            p50 = rank(0.5)
            p99 = rank(0.99)
            max = sorted.last
        }

        /// Percentiles known only as values (read from a histogram, without a maximum).
        init(p50: Double, p99: Double) {
            self.p50 = p50
            self.p99 = p99
            max = nil
        }
    }

    /// The report as aligned lines.
    var table: String {
        func ms(_ value: Double?) -> String { value.map { String(format: "%.1f ms", $0) } ?? "-" }
        func number(_ value: Double?, _ format: String = "%.2f") -> String {
            value.map { String(format: format, $0) } ?? "-"
        }
        var rows: [(String, String)] = [
            ("trackers x slots", "\(trackers) x \(slots)"),
            ("measured for", String(format: "%.1f s", seconds)),
            ("heartbeats per second", number(heartbeatsPerSecond, "%.0f")),
            (
                "heartbeat service p50 / p99 (JobTracker)",
                heartbeatService.map { "\(ms($0.p50)) / \(ms($0.p99))" } ?? "- (no --metrics-url)"
            ),
            (
                "  of which journal sync p50 / p99",
                journalSync.map { "\(ms($0.p50)) / \(ms($0.p99))" } ?? "- (no journal)"
            ),
            (
                "heartbeat round trip p50 / p99 / max",
                heartbeatRoundTrip.map { "\(ms($0.p50)) / \(ms($0.p99)) / \(ms($0.max))" } ?? "-"
            ),
            (
                "  including held heartbeats",
                heartbeatRoundTripAll.map { "\(ms($0.p50)) / \(ms($0.p99)) / \(ms($0.max))" } ?? "-"
            ),
            ("tasks started per second", number(tasksStartedPerSecond, "%.0f")),
            (
                "submission to first / last task start",
                "\(number(firstTaskStartSeconds)) s / \(number(lastTaskStartSeconds)) s"
            ),
            (
                "jobs completed / submitted",
                "\(jobsCompleted) / \(jobsSubmitted)\(jobOutcome.isEmpty ? "" : " (\(jobOutcome))")"
            ),
            ("job wall time", jobSeconds.map { String(format: "%.2f s", $0) } ?? "-"),
            (
                "lost trackers noticed",
                "\(lostTrackersNoticed) of \(lostTrackers)"
                    + (lostNoticedAfterSeconds.map { String(format: ", at most %.2f s after falling silent", $0) } ?? "")
            ),
            ("JobTracker CPU (cores)", number(jobTrackerCores)),
            (
                "JobTracker RSS now / peak",
                "\(number(jobTrackerRSSMegabytes, "%.0f")) / \(number(jobTrackerPeakRSSMegabytes, "%.0f")) MB"
            ),
            ("mrsim CPU (cores)", number(simulatorCores)),
        ]
        for (type, rate) in messagesPerSecond.sorted(by: { $0.key < $1.key }) {
            rows.append(("  \(type) messages per second", String(format: "%.0f", rate)))
        }
        for (what, count) in errors.sorted(by: { $0.key < $1.key }) {
            rows.append(("  failed \(what) calls", "\(count)"))
        }
        for example in errorExamples { rows.append(("  e.g.", example)) }
        let width = rows.map(\.0.count).max() ?? 0
        return rows.map { $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.1 }
            .joined(separator: "\n")
    }

    /// The report as one JSON object.
    var json: String {
        var object: [String: Any] = [
            "trackers": trackers,
            "slots": slots,
            "seconds": seconds,
            "heartbeats_per_s": heartbeatsPerSecond,
            "tasks_started_per_s": tasksStartedPerSecond,
            "jobs_submitted": jobsSubmitted,
            "jobs_completed": jobsCompleted,
            "lost_trackers": lostTrackers,
            "lost_trackers_noticed": lostTrackersNoticed,
            "mrsim_cores": simulatorCores,
            "messages_per_s": messagesPerSecond,
            "errors": errors,
            "error_examples": errorExamples,
        ]
        object["heartbeat_service_p50_ms"] = heartbeatService?.p50
        object["heartbeat_service_p99_ms"] = heartbeatService?.p99
        object["journal_sync_p50_ms"] = journalSync?.p50
        object["journal_sync_p99_ms"] = journalSync?.p99
        object["heartbeat_rtt_p50_ms"] = heartbeatRoundTrip?.p50
        object["heartbeat_rtt_p99_ms"] = heartbeatRoundTrip?.p99
        object["heartbeat_rtt_max_ms"] = heartbeatRoundTrip?.max
        object["first_task_start_s"] = firstTaskStartSeconds
        object["last_task_start_s"] = lastTaskStartSeconds
        object["job_s"] = jobSeconds
        object["lost_noticed_after_s"] = lostNoticedAfterSeconds
        object["jobtracker_cores"] = jobTrackerCores
        object["jobtracker_rss_mb"] = jobTrackerRSSMegabytes
        object["jobtracker_peak_rss_mb"] = jobTrackerPeakRSSMegabytes
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
