/// Tasks of one kind by state, and the attempts of theirs that failed.
public struct TaskCounts: Sendable, Codable, Equatable {
    /// Tasks that succeeded.
    public var done: Int
    /// Tasks with an attempt running.
    public var running: Int
    /// Tasks waiting for a slot.
    public var pending: Int
    /// Failed attempts of these tasks.
    public var failed: Int
    /// All tasks.
    public var total: Int

    /// Counts `tasks`.
    public init(_ tasks: [TaskStatus]) {
        done = tasks.count { $0.state == "succeeded" }
        running = tasks.count { $0.state == "running" }
        pending = tasks.count { $0.state == "pending" }
        failed = tasks.reduce(0) { $0 + $1.failures }
        total = tasks.count
    }

    /// The fraction done, 0 to 1 (1 for no tasks).
    public var fraction: Double { total == 0 ? 1 : Double(done) / Double(total) }
}
