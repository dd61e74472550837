/// Whether a daemon should be sent work, as `/readyz` reports it.
public enum DaemonReadiness: Sendable, Equatable {
    /// Ready for work.
    case ready
    /// Alive but not to be sent work, for the given reason (starting, draining, not registered).
    case notReady(String)
}
