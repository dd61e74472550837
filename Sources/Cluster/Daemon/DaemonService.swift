import ServiceLifecycle

/// A daemon's serving loop as a service of a `ServiceGroup`: it runs until the group's graceful
/// shutdown (SIGTERM, SIGINT), which calls `stop`.
public struct DaemonService: Service {
    private let body: @Sendable () async throws -> Void
    private let stop: @Sendable () async -> Void

    /// Wraps a serving loop and the call that ends it.
    public init(run: @escaping @Sendable () async throws -> Void, stop: @escaping @Sendable () async -> Void) {
        body = run
        self.stop = stop
    }

    public func run() async throws {
        try await withGracefulShutdownHandler {
            try await body()
        } onGracefulShutdown: {
            Task { await stop() }
        }
    }
}
