import Synchronization

/// Keeps a phase's progress under a lock and reports each change.
final class ProgressReporter: Sendable {
    private let progress: Mutex<JobProgress>
    private let sink: @Sendable (JobProgress) -> Void

    init(template: JobProgress, sink: @escaping @Sendable (JobProgress) -> Void) {
        progress = Mutex(template)
        self.sink = sink
    }

    /// Applies `change` and reports the new progress.
    func update(_ change: (inout JobProgress) -> Void) {
        let snapshot = progress.withLock { progress in
            change(&progress)
            return progress
        }
        sink(snapshot)
    }
}
