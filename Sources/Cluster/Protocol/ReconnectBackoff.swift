/// How long a tracker or a following client waits between tries to reach the JobTracker: jittered,
/// and at most about a second apart for the first half minute after it was lost, so a JobTracker
/// that is back within seconds is found within a second of its return, while a long outage is tried
/// every few seconds.
struct ReconnectBackoff: Sendable {
    /// The first wait.
    static let first = Duration.milliseconds(100)
    /// The longest wait while the outage is young.
    static let fastCap = Duration.seconds(1)
    /// How long the outage counts as young.
    static let fastWindow = Duration.seconds(30)
    /// The longest wait after that.
    static let slowCap = Duration.seconds(5)

    private var next = first

    /// The wait before the next try, `elapsed` after the connection was lost; `random` in 0..<1
    /// spreads many trackers' tries over the second half of the wait.
    mutating func delay(elapsed: Duration, random: Double) -> Duration {
        let cap = elapsed < Self.fastWindow ? Self.fastCap : Self.slowCap
        let base = min(next, cap)
        next = min(next * 2, cap)
        return base * (0.5 + random / 2)
    }

    /// Starts over after a successful connection.
    mutating func reset() {
        next = Self.first
    }
}
