import Dispatch

/// Runs CPU-bound or blocking work on a Dispatch thread, off Swift's cooperative pool, so that
/// a running task never starves the tracker's heartbeats and shuffle server.
enum BlockingWork {
    static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try body() })
            }
        }
    }
}
