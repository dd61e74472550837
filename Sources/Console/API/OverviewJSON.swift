import Cluster

/// The body of `GET /api/v1/overview`: a ``ClusterOverview`` with its jobs in API form; the
/// trackers are counted by state (`GET /api/v1/trackers` lists them a page at a time).
struct OverviewJSON: Encodable {
    let time: Double
    let trackers: TrackerSummary
    let slots: Int
    let slotsUsed: Int
    let jobs: [JobJSON]

    /// The API form of `overview`.
    init(_ overview: ClusterOverview) {
        time = overview.time
        trackers = overview.trackers
        slots = overview.trackers.slots
        slotsUsed = overview.trackers.slotsUsed
        jobs = overview.jobs.map(JobJSON.init)
    }
}
