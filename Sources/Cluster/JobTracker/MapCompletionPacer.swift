import MapReduce

/// Spaces the answers to each reduce's map-completion requests, so that all the reduces asking
/// together get about a budgeted number of answers a second.
///
/// A reduce asks for the map outputs finished since its last answer and, without pacing, is
/// answered as soon as there is one. While maps finish faster than a round trip, that is an
/// answer per round trip for every running reduce: 200 reduces of a job whose maps ended by the
/// hundred a second asked more often than 5,000 trackers heartbeat. Hadoop's reduces poll for
/// map events at most once a second; here a reduce's next answer waits until ``spacing`` after
/// its last one, and the spacing grows with the reduces asking: their number over the budget,
/// at most ``longestSpacing``. A few reduces are answered within milliseconds, as before.
///
/// A value type with the time passed in, so its rules are tested without a clock.
struct MapCompletionPacer: Sendable {
    /// The answers a second budgeted for all reduces together.
    let answersPerSecond: Int
    private var lastAnswers: [AttemptID: ContinuousClock.Instant] = [:]

    /// The longest a reduce's answer waits after its last one, however many reduces ask.
    static let longestSpacing = Duration.seconds(1)

    /// Creates a pacer for a budget of `answersPerSecond` answers (at least 1).
    init(answersPerSecond: Int) {
        self.answersPerSecond = max(1, answersPerSecond)
    }

    /// The reduces answered within the last ``longestSpacing`` (as of the last ``forget(before:)``).
    var askingReduces: Int { lastAnswers.count }

    /// How long after its last answer a reduce is answered again, for the reduces asking now.
    var spacing: Duration {
        min(Self.longestSpacing, .seconds(1) * askingReduces / answersPerSecond)
    }

    /// The earliest moment `reduce` may be answered again; nil when it may be at once.
    func earliestAnswer(to reduce: AttemptID) -> ContinuousClock.Instant? {
        lastAnswers[reduce].map { $0 + spacing }
    }

    /// Notes that `reduce` was answered at `now`.
    mutating func answered(_ reduce: AttemptID, at now: ContinuousClock.Instant) {
        lastAnswers[reduce] = now
    }

    /// Forgets the reduces last answered more than ``longestSpacing`` before `now`: no answer to
    /// them waits any more, and they no longer count as asking.
    mutating func forget(before now: ContinuousClock.Instant) {
        let cutoff = now - Self.longestSpacing
        lastAnswers = lastAnswers.filter { $0.value > cutoff }
    }
}
