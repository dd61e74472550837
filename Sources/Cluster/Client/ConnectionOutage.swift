/// One spell during which the JobTracker cannot be reached: how long it has lasted, and the
/// jittered ``ReconnectBackoff`` wait before each new try, up to a window.
struct ConnectionOutage {
    /// How long the outage may last before the caller gives up.
    let window: Duration
    private var since: ContinuousClock.Instant?
    private var backoff = ReconnectBackoff()

    init(window: Duration) {
        self.window = window
    }

    /// Whether a connection was lost and not yet regained.
    var isOngoing: Bool { since != nil }

    /// Starts the outage if it has not started, then waits before the next try; false, without
    /// waiting, once the outage has lasted the window.
    mutating func waitBeforeRetry() async throws -> Bool {
        let now = ContinuousClock.now
        let since = self.since ?? now
        self.since = since
        guard now - since < window else { return false }
        try await Task.sleep(for: backoff.delay(elapsed: now - since, random: Double.random(in: 0..<1)))
        return true
    }

    /// Ends the outage: a connection was made.
    mutating func end() {
        since = nil
        backoff.reset()
    }
}
