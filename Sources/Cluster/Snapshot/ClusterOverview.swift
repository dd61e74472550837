/// What the console's dashboard shows of a cluster at one moment: its trackers, slots and jobs.
public struct ClusterOverview: Sendable, Codable, Equatable {
    /// When the snapshot was taken, seconds since 1970.
    public var time: Double
    /// Registered trackers, and trackers that left or were lost, by id.
    public var trackers: [TrackerStatus]
    /// Slots of the trackers that take tasks.
    public var slots: Int
    /// Attempts running, cluster-wide.
    public var slotsUsed: Int
    /// Every job the JobTracker knows, running and finished, oldest first.
    public var jobs: [JobReport]

    /// Creates the value.
    public init(time: Double, trackers: [TrackerStatus], slots: Int, slotsUsed: Int, jobs: [JobReport]) {
        self.time = time
        self.trackers = trackers
        self.slots = slots
        self.slotsUsed = slotsUsed
        self.jobs = jobs
    }

    /// Trackers in `state`.
    public func trackers(in state: TrackerStatus.State) -> [TrackerStatus] {
        trackers.filter { $0.state == state }
    }

    /// Jobs in `state`.
    public func jobs(in state: JobRunState) -> [JobReport] {
        jobs.filter { $0.state == state }
    }
}
