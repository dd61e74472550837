/// The trackers counted by state, with their slots: what the dashboard and the trackers page
/// show of a cluster of any size instead of a row per tracker.
public struct TrackerSummary: Sendable, Codable, Equatable {
    /// Trackers heartbeating and taking tasks.
    public var live: Int
    /// Trackers draining before they shut down.
    public var draining: Int
    /// Trackers taking no tasks because their work directory is low on free space.
    public var full: Int
    /// Trackers that a running job no longer gives tasks.
    public var blacklisted: Int
    /// Trackers that were lost or deregistered.
    public var lost: Int
    /// Slots of the trackers that take tasks.
    public var slots: Int
    /// Attempts running, cluster-wide.
    public var slotsUsed: Int

    /// Creates the value.
    public init(live: Int, draining: Int, full: Int, blacklisted: Int, lost: Int, slots: Int, slotsUsed: Int) {
        self.live = live
        self.draining = draining
        self.full = full
        self.blacklisted = blacklisted
        self.lost = lost
        self.slots = slots
        self.slotsUsed = slotsUsed
    }

    /// Every tracker counted, registered and departed.
    public var total: Int { live + draining + full + blacklisted + lost }

    /// Trackers that heartbeat and are not blacklisted: live, draining or full.
    public var heartbeating: Int { live + draining + full }

    /// Trackers in `state`.
    public func count(in state: TrackerStatus.State) -> Int {
        switch state {
        case .live: live
        case .draining: draining
        case .full: full
        case .blacklisted: blacklisted
        case .lost: lost
        }
    }
}
