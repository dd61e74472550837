/// How long simulated attempts take: a mean, and a spread around it from which each attempt's
/// time is drawn uniformly.
///
/// With no spread every attempt of a wave ends at the same moment, and their trackers all report
/// at once: the worst case for the JobTracker. Real attempts spread out, as Hadoop's do.
struct TaskDurations: Sendable {
    /// The mean time of an attempt.
    let mean: Duration
    /// The spread as a fraction of the mean, from 0 to 1: attempts take from `mean × (1 − spread)`
    /// to `mean × (1 + spread)`.
    let spread: Double

    /// Durations of `mean`, spread by `spread` (0 to 1).
    init(mean: Duration, spread: Double = 0) {
        precondition((0...1).contains(spread), "the spread is a fraction from 0 to 1")
        self.mean = mean
        self.spread = spread
    }

    /// The time the next attempt takes.
    func next() -> Duration {
        guard spread > 0 else { return mean }
        return mean * Double.random(in: (1 - spread)...(1 + spread))
    }
}
