import Cluster
import MapReduce
import MapReduceEngine

/// How a job tool follows its job on a named cluster to the end: progress as it changes, and a
/// JobTracker restart ridden out for up to the `--reattach-window`.
struct RemoteFollow: Sendable {
    let tool: ToolContext
    let client: ClusterClient
    /// How long the JobTracker may be unreachable before the tool gives up following.
    let window: Duration
    /// Prints a line between progress updates.
    let note: @Sendable (String) -> Void
    let progress: @Sendable (JobProgress) -> Void

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
