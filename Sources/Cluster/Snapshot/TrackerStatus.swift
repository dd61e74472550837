/// One TaskTracker as the console shows it.
public struct TrackerStatus: Sendable, Codable, Equatable {
    /// Where a tracker stands with the JobTracker.
    public enum State: String, Sendable, Codable, Equatable, CaseIterable {
        /// Heartbeating and taking tasks.
        case live
        /// Heartbeating but draining before it shuts down.
        case draining
        /// Heartbeating but taking no tasks: its work directory is low on free space.
        case full
        /// Heartbeating, but a running job no longer gives it tasks after repeated failures.
        case blacklisted
        /// Silent for longer than the expiry, or deregistered; its work was re-run elsewhere.
        case lost
    }

    /// The tracker's node id.
    public var id: String
    /// Its advertised shuffle address.
    public var address: String
    /// Live, draining, full, blacklisted or lost.
    public var state: State
    /// Its last heartbeat (or when it left), seconds since 1970.
    public var lastHeartbeat: Double
    /// Its task slots.
    public var slots: Int
    /// Attempts running on it.
    public var runningAttempts: Int
    /// Attempts that failed on it, over the jobs the JobTracker still holds.
    public var failures: Int
    /// Running jobs that blacklisted it.
    public var blacklistedBy: [String]
    /// Why it left (`lost`, `deregistered`), why it takes no tasks (`full`), or empty.
    public var reason: String
    /// Free bytes in its work directory at its last heartbeat, or nil when unknown.
    public var freeBytes: Int64?

    /// Creates the value.
    public init(
        id: String,
        address: String,
        state: State,
        lastHeartbeat: Double,
        slots: Int,
        runningAttempts: Int,
        failures: Int,
        blacklistedBy: [String],
        reason: String,
        freeBytes: Int64? = nil
    ) {
        self.id = id
        self.address = address
        self.state = state
        self.lastHeartbeat = lastHeartbeat
        self.slots = slots
        self.runningAttempts = runningAttempts
        self.failures = failures
        self.blacklistedBy = blacklistedBy
        self.reason = reason
        self.freeBytes = freeBytes
    }
}
