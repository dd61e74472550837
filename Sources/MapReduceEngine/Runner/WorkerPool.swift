import Dispatch
import Synchronization

/// Runs numbered work items on a fixed number of threads, stopping at the first failure.
enum WorkerPool {
    /// Runs `body(0..<count)` on up to `workers` threads; `finished` is called after each item.
    ///
    /// - Returns: the results in item order.
    /// - Throws: the first error any item threw; items not started by then are not run.
    static func run<T: Sendable>(
        count: Int,
        workers: Int,
        finished: @Sendable (Int) -> Void = { _ in },
        _ body: @Sendable (Int) throws -> T
    ) throws -> [T] {
        let state = Mutex(State<T>(results: Array(repeating: nil, count: count)))
        DispatchQueue.concurrentPerform(iterations: max(1, min(workers, count))) { _ in
            while let index = state.withLock({ $0.claim() }) {
                do {
                    let value = try body(index)
                    let done = state.withLock { state in
                        state.results[index] = value
                        state.done += 1
                        return state.done
                    }
                    finished(done)
                } catch {
                    state.withLock { $0.fail(error) }
                }
            }
        }
        return try state.withLock { state in
            if let error = state.error { throw error }
            return state.results.map { $0! }
        }
    }

    private struct State<T: Sendable>: Sendable {
        var results: [T?]
        var next = 0
        var done = 0
        var error: (any Error)?

        mutating func claim() -> Int? {
            guard error == nil, next < results.count else { return nil }
            defer { next += 1 }
            return next
        }

        mutating func fail(_ failure: any Error) {
            if error == nil { error = failure }
        }
    }
}
