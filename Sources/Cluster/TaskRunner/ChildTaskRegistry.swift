import MapReduce
import Synchronization

/// The task-runner child processes a tracker has running, by attempt, so they can be killed.
final class ChildTaskRegistry: Sendable {
    private let children = Mutex<[AttemptID: ChildTask]>([:])

    func add(_ attempt: AttemptID, _ child: ChildTask) {
        children.withLock { $0[attempt] = child }
    }

    func remove(_ attempt: AttemptID) {
        _ = children.withLock { $0.removeValue(forKey: attempt) }
    }

    /// Kills the child running `attempt`, if any.
    func kill(_ attempt: AttemptID) {
        children.withLock { $0[attempt] }?.kill()
    }

    /// Kills the children running attempts of `job`.
    func kill(job: JobID) {
        for child in children.withLock({ $0.filter { $0.key.task.job == job }.map(\.value) }) { child.kill() }
    }

    /// Kills every child.
    func killAll() {
        for child in children.withLock({ Array($0.values) }) { child.kill() }
    }
}
