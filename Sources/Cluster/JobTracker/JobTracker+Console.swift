import Foundation
import MapReduce

extension JobTracker {
    /// The state now, as a view that reads without the actor.
    func view() -> JobTrackerView {
        JobTrackerView(state: state, pastReports: pastReports)
    }

    /// Takes a view of the state at high priority: the actor runs it before the heartbeats and
    /// reports queued at the default priority, so the console does not wait behind a wave of
    /// them, and builds its pages from the view off the actor.
    public nonisolated func currentView() async -> JobTrackerView {
        await Task(priority: .high) { await self.view() }.value
    }

    /// The dashboard's snapshot: the trackers counted by state, the slots and every job.
    public nonisolated func overview() async -> ClusterOverview {
        await currentView().overview()
    }

    /// The trackers, registered and departed.
    public nonisolated func trackerStatuses() async -> [TrackerStatus] {
        await currentView().trackerStatuses()
    }

    /// At most `limit` trackers from position `offset`: registered ones by id, then departed ones
    /// by id, with the summary of them all.
    public nonisolated func trackerPage(offset: Int, limit: Int) async -> TrackerPage {
        await currentView().trackerPage(offset: offset, limit: limit)
    }

    /// A job in full: its report, phases, tasks and attempts.
    public nonisolated func detail(of job: JobID) async throws -> JobDetail {
        try await currentView().detail(of: job)
    }
}
