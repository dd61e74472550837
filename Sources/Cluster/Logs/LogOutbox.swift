import Synchronization

/// A tracker's log lines waiting for the next heartbeat, at most ``limit`` of them: when the
/// JobTracker is unreachable for long, the oldest are dropped rather than piling up.
public final class LogOutbox: Sendable {
    /// The most lines held between two heartbeats.
    public let limit: Int
    private let pending = Mutex([LogRecord]())

    /// Creates an empty outbox holding up to `limit` lines.
    public init(limit: Int = 500) {
        self.limit = max(1, limit)
    }

    /// Queues a line for the next heartbeat.
    public func post(_ record: LogRecord) {
        pending.withLock { lines in
            lines.append(record)
            if lines.count > limit { lines.removeFirst(lines.count - limit) }
        }
    }

    /// Takes every queued line.
    public func take() -> [LogRecord] {
        pending.withLock { lines in
            defer { lines = [] }
            return lines
        }
    }
}
