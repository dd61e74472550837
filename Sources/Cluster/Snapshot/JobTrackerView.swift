import Foundation
import MapReduce

/// The JobTracker's state at one moment, read without the actor: the console's pages and API.
///
/// Taking a view copies a value whose collections are shared until the JobTracker next changes
/// them, so it costs the actor almost nothing; every page is then built from the view on the
/// caller's thread. ``JobTracker/currentView()`` takes one at high priority, ahead of the
/// heartbeats queued on the actor, so that the console answers while the JobTracker is busiest.
public struct JobTrackerView: Sendable {
    let state: JobTrackerState
    /// Jobs finished under earlier JobTracker processes, from the history.
    let pastReports: [JobReport]
    /// When the view was taken.
    public let takenAt: Date

    init(state: JobTrackerState, pastReports: [JobReport], takenAt: Date = Date()) {
        self.state = state
        self.pastReports = pastReports
        self.takenAt = takenAt
    }

    /// The dashboard's figures: the trackers counted by state, the slots and every job, built
    /// from counts the JobTracker keeps rather than from each tracker or task.
    public func overview() -> ClusterOverview {
        ClusterOverview(time: takenAt.timeIntervalSince1970, trackers: state.trackerSummary(), jobs: reports())
    }

    /// Every job's report, oldest first: those of earlier processes, then those held now.
    public func reports() -> [JobReport] {
        let current = state.reports(now: takenAt)
        let known = Set(current.map(\.job))
        return pastReports.filter { !known.contains($0.job) } + current
    }

    /// The report of a job, running or finished.
    public func report(_ job: JobID) throws -> JobReport {
        if let report = state.report(job, now: takenAt) { return report }
        if let report = pastReports.first(where: { $0.job == job }) { return report }
        throw InputError(path: "\(job)", problem: "no such job on this JobTracker")
    }

    /// A job in full: its report, phases, tasks and attempts.
    public func detail(of job: JobID) throws -> JobDetail {
        let report = try report(job)
        guard let record = state.jobs[job], let phases = state.phaseStatuses(of: job, now: takenAt) else {
            return JobDetail(report: report, phaseNames: [report.phaseName], phases: [], inputs: [], parameters: [:])
        }
        return JobDetail(
            report: report,
            phaseNames: record.phaseNames,
            phases: phases,
            inputs: record.request.inputs,
            parameters: record.request.parameters.values,
            resumptions: record.resumptions.map(\.timeIntervalSince1970)
        )
    }

    /// The trackers, registered and departed.
    public func trackerStatuses() -> [TrackerStatus] {
        state.trackerStatuses()
    }

    /// At most `limit` trackers from position `offset`: registered ones by id, then departed ones
    /// by id, with the summary of them all.
    public func trackerPage(offset: Int, limit: Int) -> TrackerPage {
        state.trackerPage(offset: offset, limit: limit)
    }

    /// What a client needs to plan a job as the JobTracker would: slots and installed jobs.
    public func clusterInfo() -> ClusterInfoReply {
        ClusterInfoReply(
            slots: max(1, state.registeredSlots),
            trackers: state.trackers.count,
            installedJobs: state.installedJobs,
            limits: state.settings.limits
        )
    }
}
