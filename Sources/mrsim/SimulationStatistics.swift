import Synchronization

/// What the simulated trackers saw of the JobTracker, gathered from all of them at once.
///
/// Round trips are kept as samples (milliseconds), everything else as counts; ``snapshot()``
/// reads them together. Shared by every tracker task, so each update takes a lock.
final class SimulationStatistics: Sendable {
    /// One read of the statistics.
    struct Snapshot: Sendable {
        /// Heartbeat round trips of heartbeats the JobTracker answered at once (it had news, or
        /// the tracker reported something), in milliseconds.
        var heartbeatMilliseconds: [Double]
        /// Every heartbeat's round trip, held ones included, in milliseconds.
        var allHeartbeatMilliseconds: [Double]
        /// Messages sent, by type name.
        var messages: [String: Int]
        /// Attempts started, by kind (`map`, `reduce`).
        var started: [String: Int]
        /// When the first and the latest attempt started.
        var firstStart: ContinuousClock.Instant?
        var lastStart: ContinuousClock.Instant?
        /// Attempts reported finished.
        var finished: Int
        /// Failed calls (timeouts, refused connections), by what was called.
        var errors: [String: Int]
        /// The first few failures, said in one line each.
        var errorExamples: [String]
        /// Registrations, including re-registrations after a lost connection.
        var registrations: Int
    }

    private let state = Mutex(
        Snapshot(
            heartbeatMilliseconds: [],
            allHeartbeatMilliseconds: [],
            messages: [:],
            started: [:],
            firstStart: nil,
            lastStart: nil,
            finished: 0,
            errors: [:],
            errorExamples: [],
            registrations: 0
        )
    )

    /// Records one heartbeat's round trip; `reported` when the heartbeat carried reports, so the
    /// JobTracker answered it without holding it.
    func heartbeat(milliseconds: Double, reported: Bool) {
        state.withLock {
            $0.messages["heartbeat", default: 0] += 1
            $0.allHeartbeatMilliseconds.append(milliseconds)
            if reported { $0.heartbeatMilliseconds.append(milliseconds) }
        }
    }

    /// Counts a message of `type` other than a heartbeat.
    func sent(_ type: String) {
        state.withLock { $0.messages[type, default: 0] += 1 }
    }

    /// Counts an attempt started.
    func started(_ kind: String) {
        let now = ContinuousClock.now
        state.withLock {
            $0.started[kind, default: 0] += 1
            if $0.firstStart == nil { $0.firstStart = now }
            $0.lastStart = now
        }
    }

    /// Counts an attempt reported finished.
    func finished() {
        state.withLock { $0.finished += 1 }
    }

    /// Counts a registration.
    func registered() {
        state.withLock { $0.registrations += 1 }
    }

    /// Counts a failed call of `what`, keeping the first few errors.
    func failed(_ what: String, _ error: any Error) {
        state.withLock {
            $0.errors[what, default: 0] += 1
            if $0.errorExamples.count < 5 { $0.errorExamples.append("\(what): \(error)") }
        }
    }

    /// The statistics so far.
    func snapshot() -> Snapshot {
        state.withLock { $0 }
    }
}
