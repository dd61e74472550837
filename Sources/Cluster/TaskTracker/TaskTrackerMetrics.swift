import CoreMetrics
import MapReduce

/// A TaskTracker's metrics, recorded through swift-metrics so that any backend (the daemon uses
/// Prometheus) can export them.
struct TaskTrackerMetrics: Sendable {
    private let heartbeats: Counter
    private let attempts: AttemptMetrics
    private let attemptsRunning: Gauge
    private let shuffleServed: Counter
    private let shuffleFetched: Counter
    private let shuffleReadInPlace: Counter

    /// Creates the metrics in `factory`; the no-op factory records nothing.
    init(factory: any MetricsFactory) {
        heartbeats = Counter(label: "mapreduce_tracker_heartbeats_total", factory: factory)
        attempts = AttemptMetrics(prefix: "mapreduce_tracker_", factory: factory)
        attemptsRunning = Gauge(label: "mapreduce_tracker_attempts_running", factory: factory)
        shuffleServed = Counter(label: "mapreduce_shuffle_served_bytes_total", factory: factory)
        shuffleFetched = Counter(label: "mapreduce_shuffle_fetched_bytes_total", factory: factory)
        shuffleReadInPlace = Counter(label: "mapreduce_shuffle_read_in_place_bytes_total", factory: factory)
    }

    /// Counts a heartbeat sent.
    func heartbeat() { heartbeats.increment() }

    /// Sets how many attempts run now.
    func running(_ count: Int) { attemptsRunning.record(count) }

    /// Counts an attempt that ended, and records how long a successful one ran.
    func attemptFinished(_ attempt: AttemptID, succeeded: Bool, seconds: Double) {
        attempts.finished(attempt, succeeded: succeeded, seconds: seconds)
    }

    /// Counts map output bytes sent to reduces.
    func served(bytes: Int64) { shuffleServed.increment(by: bytes) }

    /// Counts map output bytes fetched by this tracker's reduces.
    func fetched(bytes: Int64) { shuffleFetched.increment(by: bytes) }

    /// Counts map output bytes this tracker's reduces read in place, on a shared file system.
    func readInPlace(bytes: Int64) { shuffleReadInPlace.increment(by: bytes) }
}
