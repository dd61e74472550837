import Foundation
import MapReduce
import Synchronization

/// What a tracker must tell the JobTracker: its running attempts' progress and status, and
/// finished attempts.
final class TrackerLedger: Sendable {
    private struct State {
        var running: [AttemptID: Int64] = [:]
        /// The epoch of each running attempt's assignment.
        var epochs: [AttemptID: UInt64] = [:]
        var statuses: [AttemptID: String] = [:]
        var finished: [AttemptReport] = []
        var lastProgressReport = Date.distantPast
        var jobs: Set<JobID> = []
    }

    private let state = Mutex(State())

    /// Notes a started attempt, assigned by the JobTracker process of `epoch`.
    func started(_ attempt: AttemptID, epoch: UInt64) {
        state.withLock {
            $0.running[attempt] = 0
            $0.epochs[attempt] = epoch
            $0.jobs.insert(attempt.task.job)
        }
    }

    /// Notes an attempt's progress in records.
    func progress(_ attempt: AttemptID, records: Int64) {
        state.withLock { if $0.running[attempt] != nil { $0.running[attempt] = records } }
    }

    /// Notes a running attempt's latest status message.
    func status(_ attempt: AttemptID, message: String) {
        state.withLock { if $0.running[attempt] != nil { $0.statuses[attempt] = message } }
    }

    /// Notes a finished attempt's report.
    func finished(_ report: AttemptReport) {
        state.withLock {
            $0.running[report.attempt] = nil
            $0.statuses[report.attempt] = nil
            $0.epochs[report.attempt] = nil
            $0.finished.append(report)
        }
    }

    /// The number of attempts running.
    var runningCount: Int { state.withLock { $0.running.count } }

    /// The attempts running, in order.
    var runningAttempts: [AttemptID] { state.withLock { $0.running.keys.sorted { "\($0)" < "\($1)" } } }

    /// Takes on jobs whose files an earlier run of the tracker left in its work directory, so
    /// that they are retired once the JobTracker says they have ended.
    func adopt(_ jobs: some Sequence<JobID>) {
        state.withLock { $0.jobs.formUnion(jobs) }
    }

    /// The jobs whose files the tracker holds.
    var heldJobs: [JobID] { state.withLock { $0.jobs.sorted() } }

    /// Whether the tracker is idle: nothing runs and every finished attempt's report has been taken.
    var isIdle: Bool { state.withLock { $0.running.isEmpty && $0.finished.isEmpty } }

    /// Takes the reports to send: every finished attempt, and running ones' progress at most once per `interval`.
    func takeReports(progressInterval interval: TimeInterval) -> [AttemptReport] {
        state.withLock { state in
            var reports = state.finished
            state.finished = []
            let now = Date()
            if now.timeIntervalSince(state.lastProgressReport) >= interval, !state.running.isEmpty {
                state.lastProgressReport = now
                reports += state.running.map {
                    AttemptReport(
                        attempt: $0.key,
                        state: .running,
                        records: $0.value,
                        counters: Counters(),
                        failure: "",
                        segments: [],
                        status: state.statuses[$0.key] ?? "",
                        epoch: state.epochs[$0.key] ?? 0
                    )
                }
            }
            return reports
        }
    }

    /// Puts reports back after a failed send.
    func restore(_ reports: [AttemptReport]) {
        state.withLock { $0.finished.insert(contentsOf: reports.filter { $0.state != .running }, at: 0) }
    }

    /// Forgets jobs that have ended and have no running attempts here; returns them.
    func retire(_ jobs: [JobID]) -> [JobID] {
        state.withLock { state in
            let busy = Set(state.running.keys.map(\.task.job))
            let retired = jobs.filter { state.jobs.contains($0) && !busy.contains($0) }
            state.jobs.subtract(retired)
            return retired
        }
    }
}
