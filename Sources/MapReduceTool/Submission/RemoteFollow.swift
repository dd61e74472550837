import Cluster
import MapReduce
import MapReduceEngine
import Wire

/// How a job tool talks to a named cluster while a JobTracker restart may happen: it connects,
/// and follows its job to the end with progress as it changes, riding out a JobTracker that is
/// unreachable for up to the `--reattach-window`.
struct RemoteFollow: Sendable {
    let tool: ToolContext
    let client: ClusterClient
    /// How long the JobTracker may be unreachable before the tool gives up following.
    let window: Duration
    /// Prints a line between progress updates.
    let note: @Sendable (String) -> Void
    let progress: @Sendable (JobProgress) -> Void

    /// Runs `body` on a connection to the JobTracker, connecting again for up to the window while
    /// it cannot be reached, and saying so once.
    func withConnection<Result: Sendable>(_ body: (WireConnection) async throws -> Result) async throws -> Result {
        let (note, name, address, seconds) = (note, tool.name, client.address, window.components.seconds)
        return try await client.withConnection(
            connectingWithin: window,
            waiting: { error in
                note("\(name): JobTracker \(address) unreachable (\(error.message)); trying for up to \(seconds) s")
            },
            body
        )
    }

    /// Follows `job` until it ends and returns its final report.
    func follow(_ job: JobID) async throws -> JobReport {
        let (note, progress, name) = (note, progress, tool.name)
        return try await client.follow(
            job,
            every: .milliseconds(100),
            reattachingWithin: window,
            reattached: { report in
                if !report.state.isFinal || report.state == .succeeded {
                    note("\(name): JobTracker restarted; job resumed")
                }
            },
            progress: { progress($0.progress) }
        )
    }
}
