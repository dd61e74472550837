import Dispatch
import MapReduceEngine
import Synchronization

/// Runs a fetching reduce's ``ShuffleMerger`` on a serial dispatch queue of its own, off the
/// concurrency pool: each segment is handed over as it arrives and merged while the next ones are
/// fetched, instead of between batches of fetches.
///
/// A merge that fails drops the segments held (freeing their memory, so that no fetch waits for
/// memory forever) and every segment handed over afterwards; ``finish()`` throws its error.
final class BackgroundShuffleMerge: Sendable {
    private let queue = DispatchQueue(label: "shuffle-merge")
    /// Used only on `queue`.
    private let merger: ShuffleMerger
    private let failure = Mutex<(any Error)?>(nil)

    init(_ merger: ShuffleMerger) {
        self.merger = merger
    }

    /// The error of the merge that failed, if one has.
    var error: (any Error)? { failure.withLock { $0 } }

    /// Hands over map `mapIndex`'s segment, to be merged in the background.
    func add(mapIndex: Int, _ segment: ShuffleSegment) {
        queue.async { [self] in
            guard error == nil else { return }
            do {
                try merger.add(mapIndex: mapIndex, segment)
            } catch {
                failure.withLock { $0 = error }
                merger.abandon()
            }
        }
    }

    /// Drops what the merger holds once the segments handed over so far are through, for a
    /// reduce that failed.
    func abandon() {
        queue.async { [self] in
            failure.withLock { $0 = $0 ?? ShuffleError(message: "the reduce stopped fetching") }
            merger.abandon()
        }
    }

    /// Waits for the segments handed over, then writes what is in memory to disk and returns the
    /// inputs of the final merge, in map order.
    func finish() async throws -> [ReduceTaskRunner.Input] {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { [self] in
                continuation.resume(
                    with: Result {
                        if let error { throw error }
                        return try merger.finish()
                    }
                )
            }
        }
    }
}
