import Cluster
import Foundation
import MapReduce

/// Job reports as `mrsubmit status` and `mrsubmit list` print them.
enum JobReportText {
    /// Several jobs, one line each.
    static func table(_ reports: [JobReport]) -> String {
        guard !reports.isEmpty else { return "no jobs\n" }
        let width = max(21, (reports.map(\.binary.count).max() ?? 0) + 1)
        var text =
            "JOB                           NAME        "
            + "BINARY".padding(toLength: width, withPad: " ", startingAt: 0)
        text += "STATE      PROGRESS                         SECONDS\n"
        for report in reports {
            text += report.job.description.padding(toLength: 30, withPad: " ", startingAt: 0)
            text += report.name.padding(toLength: 12, withPad: " ", startingAt: 0)
            text += report.binary.padding(toLength: width, withPad: " ", startingAt: 0)
            text += report.state.rawValue.padding(toLength: 11, withPad: " ", startingAt: 0)
            text += report.progress.line.padding(toLength: 33, withPad: " ", startingAt: 0)
            text += String(format: "%.1f", report.elapsedSeconds) + "\n"
        }
        return text
    }

    /// One job in full.
    static func detail(_ report: JobReport) -> String {
        var text = "\(report.job) \(report.name): \(report.state.rawValue)\n"
        text += "  binary \(report.binary)\n"
        text +=
            "  \(report.progress.line) (maps \(report.mapsDone)/\(report.mapsTotal), reduces \(report.reducesDone)/\(report.reducesTotal))\n"
        text +=
            "  elapsed \(String(format: "%.2f", report.elapsedSeconds)) s, failed attempts \(report.failedAttempts)\n"
        text += "  output \(report.outputPath)\n"
        if report.state == .running {
            let share = String(format: "%.1f", report.fairShare)
            text += "  slots: \(report.runningAttempts) attempts running, fair share \(share)\n"
        }
        if !report.status.isEmpty { text += "  status: \(report.status)\n" }
        if !report.failure.isEmpty { text += "  failure: \(report.failure)\n" }
        if !report.blacklistedTrackers.isEmpty {
            text += "  blacklisted trackers: \(report.blacklistedTrackers.joined(separator: ", "))\n"
        }
        let counters = report.counters
        let rows =
            Counters.Framework.allCases.map { ($0.rawValue, counters[$0]) }
            + counters.jobCounters.map { ($0.name, $0.value) }
        let width = rows.map(\.0.count).max() ?? 0
        for (name, value) in rows {
            text += "  \(name.padding(toLength: width, withPad: " ", startingAt: 0))  \(value)\n"
        }
        return text
    }
}
