import Foundation
import MapReduce

extension JobTracker {
    /// The dashboard's snapshot: the trackers counted by state, the slots and every job, built
    /// from counts the JobTracker keeps rather than from each tracker or task.
    public func overview() -> ClusterOverview {
        ClusterOverview(time: Date().timeIntervalSince1970, trackers: state.trackerSummary(), jobs: reports())
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

    /// A job in full: its report, phases, tasks and attempts.
    public func detail(of job: JobID) throws -> JobDetail {
        let report = try report(job)
        guard let record = state.jobs[job], let phases = state.phaseStatuses(of: job, now: Date()) else {
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
}
