import Foundation
import MapReduceEngine

/// The JobTracker's scheduling and failure rules, each a documented flag of `jobtracker`.
public struct JobTrackerSettings: Sendable {
    /// How often an idle tracker's heartbeat is answered (default 1 s) in a small cluster; see
    /// ``heartbeatInterval(forTrackers:)``.
    public var heartbeatInterval: Duration
    /// The idle heartbeats per second the JobTracker budgets for (default 1,000), as Hadoop's
    /// `mapred.heartbeats.in.second`: a larger cluster's trackers are answered less often.
    public var heartbeatsPerSecond: Int
    /// The answers a second to map-completion requests the JobTracker budgets for, all reduces
    /// together (default 1,000): with many reduces asking, each is answered less often, at
    /// most a second apart (see ``MapCompletionPacer``).
    public var mapCompletionAnswersPerSecond: Int
    /// How long a tracker may be silent before it is lost (default 10 s) in a small cluster; see
    /// ``trackerExpiry(forTrackers:)``.
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
    /// The most reduce tasks a phase gets when its job names none and a setup task plans it
    /// (default 100): otherwise the cluster's slot count, which in a cluster of thousands of
    /// trackers would be thousands of tiny reduces.
    public var maximumDefaultReducers: Int
    /// The bounds on every submission.
    public var limits: SubmissionLimits

    /// Creates settings with the documented defaults.
    public init(
        heartbeatInterval: Duration = .seconds(1),
        heartbeatsPerSecond: Int = 1000,
        mapCompletionAnswersPerSecond: Int = 1000,
        trackerExpiry: Duration = .seconds(10),
        maxAttempts: Int = 4,
        reduceSlowstart: Double = 0.05,
        taskTimeout: Duration = .seconds(60),
        speculation: Bool = true,
        speculationMinimumRuntime: Duration = .seconds(10),
        maximumDefaultReducers: Int = 100,
        limits: SubmissionLimits = SubmissionLimits()
    ) {
        self.heartbeatInterval = heartbeatInterval
        self.heartbeatsPerSecond = max(1, heartbeatsPerSecond)
        self.mapCompletionAnswersPerSecond = max(1, mapCompletionAnswersPerSecond)
        self.trackerExpiry = trackerExpiry
        self.maxAttempts = maxAttempts
        self.reduceSlowstart = reduceSlowstart
        self.taskTimeout = taskTimeout
        self.speculation = speculation
        self.speculationMinimumRuntime = speculationMinimumRuntime
        self.maximumDefaultReducers = max(1, maximumDefaultReducers)
        self.limits = limits
    }

    /// The reduce count of a phase whose job names none, on a cluster of `slots` slots.
    public func defaultReducers(forSlots slots: Int) -> Int {
        min(JobPlanner.defaultReducers(slots: slots), maximumDefaultReducers)
    }

    /// The longest interval the heartbeat budget stretches the configured one to.
    public static let longestScaledHeartbeatInterval = Duration.seconds(5)

    /// The interval between an idle tracker's heartbeats in a cluster of `trackers`: the
    /// configured interval, stretched so that all of them together send about
    /// ``heartbeatsPerSecond``, but not beyond ``longestScaledHeartbeatInterval`` (nor below the
    /// configured interval).
    public func heartbeatInterval(forTrackers trackers: Int) -> Duration {
        let budgeted = Duration.milliseconds(trackers * 1000 / heartbeatsPerSecond)
        return max(heartbeatInterval, min(budgeted, Self.longestScaledHeartbeatInterval))
    }

    /// How long an idle heartbeat is held at most in a cluster of `trackers`: the heartbeat
    /// interval less up to ``heartbeatHoldJitter`` of it, `jitter` (from 0 to 1) saying how much.
    ///
    /// Heartbeats answered together (after a pause of the JobTracker, or from trackers started
    /// together) would otherwise come back together every interval, as one burst that the
    /// JobTracker serves in a queue; a random part of the hold spreads them out again.
    public func heartbeatHold(forTrackers trackers: Int, jitter: Double) -> Duration {
        heartbeatInterval(forTrackers: trackers) * (1 - Self.heartbeatHoldJitter * min(max(jitter, 0), 1))
    }

    /// The largest part of the heartbeat interval that ``heartbeatHold(forTrackers:jitter:)`` leaves out.
    public static let heartbeatHoldJitter = 0.1

    /// How long a tracker of a cluster of `trackers` may be silent before it is lost: the
    /// configured expiry, or three heartbeat intervals if the interval has grown that far.
    public func trackerExpiry(forTrackers trackers: Int) -> Duration {
        max(trackerExpiry, heartbeatInterval(forTrackers: trackers) * 3)
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
