import Cluster

/// A job that did not succeed: one line saying why, then the failed attempt's standard error tail.
struct JobFailure: Error, CustomStringConvertible {
    let report: JobReport

    var description: String {
        var text = "job \(report.job) \(report.state.rawValue): \(report.failure)"
        if !report.failureLog.isEmpty {
            text += "\nlast lines of the failed attempt's standard error:\n"
            text += report.failureLog.map { "  " + $0 }.joined(separator: "\n")
        }
        return text
    }
}
