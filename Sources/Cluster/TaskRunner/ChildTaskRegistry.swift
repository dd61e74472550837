import MapReduce
import Synchronization

/// The task-runner child processes a tracker has running, by attempt, so they can be killed.
final class ChildTaskRegistry: Sendable {
    private struct State {
        var children: [AttemptID: ChildTask] = [:]
        /// Set once the tracker hands its attempts back: children started later are killed at once.
        var handingBack = false
    }

    private let state = Mutex(State())

    func add(_ attempt: AttemptID, _ child: ChildTask) {
        let refused = state.withLock { state in
            state.children[attempt] = child
            return state.handingBack
        }
        if refused { child.kill() }
    }

    func remove(_ attempt: AttemptID) {
        _ = state.withLock { $0.children.removeValue(forKey: attempt) }
    }

    /// Kills the child running `attempt`, if any.
    func kill(_ attempt: AttemptID) {
        state.withLock { $0.children[attempt] }?.kill()
    }

    /// Kills the children running attempts of `job`.
    func kill(job: JobID) {
        for child in state.withLock({ $0.children.filter { $0.key.task.job == job }.map(\.value) }) { child.kill() }
    }

    /// Kills every child now and every child started from now on: the tracker is leaving and hands
    /// its attempts back to the JobTracker.
    func handBackAll() {
        for child in state.withLock({ state in
            state.handingBack = true
            return Array(state.children.values)
        }) { child.kill() }
    }

    /// Whether the tracker is handing its attempts back, so an attempt that ends now was killed on purpose.
    var isHandingBack: Bool { state.withLock { $0.handingBack } }
}
