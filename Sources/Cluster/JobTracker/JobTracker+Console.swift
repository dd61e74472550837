import Foundation
import MapReduce

extension JobTracker {
    /// The dashboard's snapshot: trackers, slots and every job.
    public func overview() -> ClusterOverview {
        ClusterOverview(
            time: Date().timeIntervalSince1970,
            trackers: state.trackerStatuses(),
            slots: state.clusterSlots,
            slotsUsed: state.trackers.keys.reduce(0) { $0 + state.runningAttempts(on: $1) },
            jobs: reports()
        )
    }

    /// The trackers, registered and departed.
    public func trackerStatuses() -> [TrackerStatus] {
        state.trackerStatuses()
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
