/// What the console's dashboard shows of a cluster at one moment: its trackers counted by state,
/// its slots and its jobs.
public struct ClusterOverview: Sendable, Codable, Equatable {
    /// When the snapshot was taken, seconds since 1970.
    public var time: Double
    /// The trackers, registered and departed, counted by state, with their slots.
    public var trackers: TrackerSummary
    /// Every job the JobTracker knows, running and finished, oldest first.
    public var jobs: [JobReport]

    /// Creates the value.
    public init(time: Double, trackers: TrackerSummary, jobs: [JobReport]) {
        self.time = time
        self.trackers = trackers
        self.jobs = jobs
    }

    /// Jobs in `state`.
    public func jobs(in state: JobRunState) -> [JobReport] {
        jobs.filter { $0.state == state }
    }
}
