import Foundation

/// The JobTracker's scheduling and failure rules, each a documented flag of `jobtracker`.
public struct JobTrackerSettings: Sendable {
    /// How often an idle tracker's heartbeat is answered (default 1 s).
    public var heartbeatInterval: Duration
    /// How long a tracker may be silent before it is lost (default 10 s).
    public var trackerExpiry: Duration
    /// How many attempts a task gets before the job fails (default 4).
    public var maxAttempts: Int
    /// The fraction of a phase's maps that must be done before its reduces start (default 0.05).
    public var reduceSlowstart: Double

    /// Creates settings with the documented defaults.
    public init(
        heartbeatInterval: Duration = .seconds(1), trackerExpiry: Duration = .seconds(10), maxAttempts: Int = 4,
        reduceSlowstart: Double = 0.05
    ) {
        self.heartbeatInterval = heartbeatInterval
        self.trackerExpiry = trackerExpiry
        self.maxAttempts = maxAttempts
        self.reduceSlowstart = reduceSlowstart
    }
}

extension Duration {
    /// The duration in seconds, as a `TimeInterval`.
    var seconds: TimeInterval {
        let (whole, fraction) = components
        return TimeInterval(whole) + TimeInterval(fraction) / 1e18
    }
}
