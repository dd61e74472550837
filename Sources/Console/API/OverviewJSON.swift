import Cluster

/// The body of `GET /api/v1/overview`: a ``ClusterOverview`` with its jobs in API form.
struct OverviewJSON: Encodable {
    let time: Double
    let trackers: [TrackerStatus]
    let slots: Int
    let slotsUsed: Int
    let jobs: [JobJSON]

    /// The API form of `overview`.
    init(_ overview: ClusterOverview) {
        time = overview.time
        trackers = overview.trackers
        slots = overview.slots
        slotsUsed = overview.slotsUsed
        jobs = overview.jobs.map(JobJSON.init)
    }
}
