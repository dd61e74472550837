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
    /// How long a running attempt may go without progress before it fails (default 60 s).
    public var taskTimeout: Duration
    /// Whether slow attempts get a backup attempt on another tracker (default on).
    public var speculation: Bool
    /// How long an attempt must have run before it may get a backup (default 10 s).
    public var speculationMinimumRuntime: Duration
    /// The bounds on every submission.
    public var limits: SubmissionLimits

    /// Creates settings with the documented defaults.
    public init(
        heartbeatInterval: Duration = .seconds(1),
        trackerExpiry: Duration = .seconds(10),
        maxAttempts: Int = 4,
        reduceSlowstart: Double = 0.05,
        taskTimeout: Duration = .seconds(60),
        speculation: Bool = true,
        speculationMinimumRuntime: Duration = .seconds(10),
        limits: SubmissionLimits = SubmissionLimits()
    ) {
        self.heartbeatInterval = heartbeatInterval
        self.trackerExpiry = trackerExpiry
        self.maxAttempts = maxAttempts
        self.reduceSlowstart = reduceSlowstart
        self.taskTimeout = taskTimeout
        self.speculation = speculation
        self.speculationMinimumRuntime = speculationMinimumRuntime
        self.limits = limits
    }

    /// An attempt gets a backup when it has run this many times the median of its finished peers.
    public static let speculationSlowdown = 1.5
    /// Backups start once this fraction of a phase's tasks of a kind has finished.
    public static let speculationThreshold = 0.6
}

extension Duration {
    /// The duration in seconds, as a `TimeInterval`.
    var seconds: TimeInterval {
        let (whole, fraction) = components
        return TimeInterval(whole) + TimeInterval(fraction) / 1e18
    }
}
