import CoreMetrics
import MapReduce

/// Finished attempts counted by kind and outcome, and a histogram of how long successful ones ran:
/// the part of the metrics the JobTracker and the TaskTrackers share.
struct AttemptMetrics: Sendable {
    private let finished: [String: Counter]
    private let durations: [TaskID.Kind: CoreMetrics.Timer]

    /// Creates `<prefix>attempts_finished_total{kind,outcome}` and
    /// `<prefix>attempt_duration_seconds{kind}` in `factory`.
    init(prefix: String, factory: any MetricsFactory) {
        var finished: [String: Counter] = [:]
        var durations: [TaskID.Kind: CoreMetrics.Timer] = [:]
        for kind in [TaskID.Kind.map, .reduce, .setup] {
            for outcome in ["succeeded", "failed"] {
                finished[Self.key(kind, succeeded: outcome == "succeeded")] = Counter(
                    label: prefix + "attempts_finished_total",
                    dimensions: [("kind", kind.name), ("outcome", outcome)],
                    factory: factory
                )
            }
            durations[kind] = CoreMetrics.Timer(
                label: prefix + "attempt_duration_seconds",
                dimensions: [("kind", kind.name)],
                factory: factory
            )
        }
        self.finished = finished
        self.durations = durations
    }

    /// Counts an attempt that ended, and records how long a successful one ran when that is known.
    func finished(_ attempt: AttemptID, succeeded: Bool, seconds: Double?) {
        finished[Self.key(attempt.task.kind, succeeded: succeeded)]?.increment()
        if succeeded, let seconds { durations[attempt.task.kind]?.recordSeconds(seconds) }
    }

    private static func key(_ kind: TaskID.Kind, succeeded: Bool) -> String {
        "\(kind.rawValue)/\(succeeded)"
    }
}
