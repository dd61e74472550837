import MapReduce
import MapReduceEngine
import Synchronization

/// The finished map outputs a tracker serves to reduces, by attempt.
final class MapOutputRegistry: Sendable {
    private let outputs = Mutex<[AttemptID: MapTaskResult]>([:])

    func add(_ attempt: AttemptID, _ result: MapTaskResult) {
        outputs.withLock { $0[attempt] = result }
    }

    /// The attempts whose outputs are held, in order.
    var attempts: [AttemptID] {
        outputs.withLock { $0.keys.sorted { "\($0)" < "\($1)" } }
    }

    func output(of attempt: AttemptID) -> MapTaskResult? {
        outputs.withLock { $0[attempt] }
    }

    /// Forgets a job's outputs (their files go with the job's directory).
    func removeJob(_ job: JobID) {
        outputs.withLock { outputs in outputs = outputs.filter { $0.key.task.job != job } }
    }
}
