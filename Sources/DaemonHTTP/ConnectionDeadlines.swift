/// When an HTTP connection must next have made progress, by what it waits for: the first byte of
/// a request (the idle timeout), the rest of its head (the header timeout), the rest of its body
/// (the body timeout), or nothing while the daemon answers.
///
/// A value changed by events with the time passed in; ``RequestTimeoutHandler`` feeds it from the
/// channel and closes the connection once ``deadline`` has passed.
struct ConnectionDeadlines {
    /// What the connection is receiving.
    enum Reading: Equatable {
        /// A request's head.
        case head
        /// A request's body.
        case body
    }

    /// The limits applied.
    let limits: HTTPConnectionLimits
    /// The part of a request being received, or nil between requests.
    private(set) var reading: Reading?
    /// When ``reading`` last changed.
    private var readingSince: ContinuousClock.Instant
    /// Requests whose head arrived and whose response has not ended.
    private(set) var unanswered = 0
    /// When the connection opened or its last response ended.
    private var idleSince: ContinuousClock.Instant

    /// A connection opened at `now`.
    init(limits: HTTPConnectionLimits, openedAt now: ContinuousClock.Instant) {
        self.limits = limits
        readingSince = now
        idleSince = now
    }

    /// Bytes arrived: between requests they start the next one's head.
    mutating func bytesArrived(at now: ContinuousClock.Instant) {
        guard reading == nil else { return }
        reading = .head
        readingSince = now
    }

    /// A request's head is complete; its body follows.
    mutating func headArrived(at now: ContinuousClock.Instant) {
        reading = .body
        readingSince = now
        unanswered += 1
    }

    /// A request's body is complete.
    mutating func requestEnded() {
        reading = nil
    }

    /// A response ended; with none pending, the connection is idle from `now`.
    mutating func responseEnded(at now: ContinuousClock.Instant) {
        unanswered = max(0, unanswered - 1)
        if unanswered == 0 { idleSince = now }
    }

    /// The time by which the connection must progress, or nil while it waits for responses.
    var deadline: ContinuousClock.Instant? {
        switch reading {
        case .head: readingSince + limits.headerTimeout
        case .body: readingSince + limits.bodyTimeout
        case nil: unanswered > 0 ? nil : idleSince + limits.idleTimeout
        }
    }

    /// Which timeout ran out by `now`, for the log, or nil when none did.
    func expired(at now: ContinuousClock.Instant) -> String? {
        guard let deadline, now >= deadline else { return nil }
        switch reading {
        case .head: return "header timeout"
        case .body: return "body timeout"
        case nil: return "idle timeout"
        }
    }
}
