import CoreMetrics
import Foundation
import MapReduce

/// The JobTracker's metrics, recorded through swift-metrics so that any backend (the daemons use
/// Prometheus) can export them.
///
/// Counters count events since the JobTracker started; gauges are set from the state by
/// ``refresh(from:)``, which the JobTracker calls when jobs or trackers come and go and on its
/// twice-a-second housekeeping pass (so task gauges lag by at most half a second).
struct JobTrackerMetrics: Sendable {
    private let heartbeats: Counter
    private let heartbeatService: CoreMetrics.Timer
    private let journalSync: CoreMetrics.Timer
    private let jobsSubmitted: Counter
    private let jobsFinished: [JobRunState: Counter]
    private let attempts: AttemptMetrics
    private let trackersLost: Counter
    private let jobsRunning: Gauge
    private let tasks: [String: Gauge]
    private let trackers: Gauge
    private let slots: Gauge
    private let slotsUsed: Gauge
    private let factory: any MetricsFactory

    /// Creates the metrics in `factory`; the no-op factory records nothing.
    init(factory: any MetricsFactory) {
        heartbeats = Counter(label: "mapreduce_heartbeats_total", factory: factory)
        heartbeatService = CoreMetrics.Timer(label: Self.heartbeatServiceLabel, factory: factory)
        journalSync = CoreMetrics.Timer(label: Self.journalSyncLabel, factory: factory)
        jobsSubmitted = Counter(label: "mapreduce_jobs_submitted_total", factory: factory)
        jobsFinished = Dictionary(
            uniqueKeysWithValues: [JobRunState.succeeded, .failed, .killed].map {
                (
                    $0,
                    Counter(
                        label: "mapreduce_jobs_finished_total",
                        dimensions: [("state", $0.rawValue)],
                        factory: factory
                    )
                )
            }
        )
        attempts = AttemptMetrics(prefix: "mapreduce_", factory: factory)
        trackersLost = Counter(label: "mapreduce_trackers_lost_total", factory: factory)
        jobsRunning = Gauge(label: "mapreduce_jobs_running", factory: factory)
        tasks = Dictionary(
            uniqueKeysWithValues: ["pending", "running", "succeeded"].map {
                ($0, Gauge(label: "mapreduce_tasks", dimensions: [("state", $0)], factory: factory))
            }
        )
        trackers = Gauge(label: "mapreduce_trackers", factory: factory)
        slots = Gauge(label: "mapreduce_slots", factory: factory)
        slotsUsed = Gauge(label: "mapreduce_slots_used", factory: factory)
        self.factory = factory
    }

    /// Counts a heartbeat.
    func heartbeat() { heartbeats.increment() }

    /// The histogram of the JobTracker's own time serving each heartbeat, not counting the time
    /// an idle tracker's heartbeat is held waiting for work.
    static let heartbeatServiceLabel = "mapreduce_heartbeat_service_seconds"

    /// Its buckets: heartbeats take well under the default buckets' first 5 ms.
    static let heartbeatServiceBuckets: [Duration] = [
        .microseconds(50), .microseconds(100), .microseconds(250), .microseconds(500), .milliseconds(1),
        .microseconds(2500), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
        .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(5),
    ]

    /// Records the time spent serving one heartbeat.
    func heartbeatServed(in duration: Duration) {
        heartbeatService.recordNanoseconds(Self.nanoseconds(duration))
    }

    /// The histogram of the journal's group commits, from handing a batch to the writer to its
    /// fsync's end: what a heartbeat whose reports were journaled waits for besides the JobTracker.
    static let journalSyncLabel = "mapreduce_journal_sync_seconds"

    /// Records one group commit of the journal.
    func journalSynced(in duration: Duration) {
        journalSync.recordNanoseconds(Self.nanoseconds(duration))
    }

    private static func nanoseconds(_ duration: Duration) -> Int64 {
        duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000
    }

    /// Counts a submitted job.
    func jobSubmitted() { jobsSubmitted.increment() }

    /// Counts a job that ended.
    func jobFinished(as state: JobRunState) { jobsFinished[state]?.increment() }

    /// Counts an attempt that ended, and records how long a successful one ran.
    func attemptFinished(_ attempt: AttemptID, succeeded: Bool, after seconds: Double?) {
        attempts.finished(attempt, succeeded: succeeded, seconds: seconds)
    }

    /// Counts trackers that went silent.
    func trackersLost(_ count: Int) {
        if count > 0 { trackersLost.increment(by: count) }
    }

    /// Sets the gauges from the running jobs' task indexes and the registered trackers (only
    /// running jobs have running attempts, each holding a slot).
    func refresh(from state: JobTrackerState) {
        var counts = ["pending": 0, "running": 0, "succeeded": 0]
        var running = 0
        var byBinary: [String: Int] = [:]
        var attemptsRunning = 0
        for id in state.jobOrder {
            guard let job = state.jobs[id] else { continue }
            byBinary[job.request.binary.description, default: 0] += job.state == .running ? 1 : 0
            guard job.state == .running else { continue }
            running += 1
            for index in [job.phase.mapIndex, job.phase.reduceIndex] {
                attemptsRunning += index.runningAttempts
                counts["pending"]! += index.pending
                counts["running"]! += index.running
                counts["succeeded"]! += index.succeeded
            }
        }
        jobsRunning.record(running)
        for (binary, count) in byBinary {
            Gauge(label: "mapreduce_binary_jobs_running", dimensions: [("binary", binary)], factory: factory).record(
                count
            )
        }
        for (name, gauge) in tasks { gauge.record(counts[name] ?? 0) }
        trackers.record(state.trackers.count)
        slots.record(state.trackers.values.reduce(0) { $0 + $1.slots })
        slotsUsed.record(attemptsRunning)
    }
}
