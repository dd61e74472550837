import Cluster
import Foundation
import MapReduce

/// How a job tool leaves a job on a named cluster when a signal stops it: it says how to follow
/// or kill the job, which keeps running, or kills it with `--kill-on-exit`, and removes its own
/// half-downloaded output.
struct RemoteLeave: Sendable {
    let tool: ToolContext
    let client: ClusterClient
    let killsOnExit: Bool

    /// Leaves `job`, removing the download directory `staging` if there is one.
    func leave(_ job: JobID, staging: String?) async {
        if let staging { try? FileManager.default.removeItem(atPath: staging) }
        let cluster = "--cluster \(client.address)"
        if killsOnExit {
            let killed = (try? await client.withConnection { try await client.kill(job, on: $0) }) != nil
            let news =
                killed
                ? "killed it (--kill-on-exit)" : "could not kill it; stop it with `\(tool.name) kill \(job) \(cluster)`"
            FileHandle.standardError.write(Data("\n\(tool.name): interrupted; job \(job) \(news)\n".utf8))
            return
        }
        FileHandle.standardError.write(
            Data(
                """

                \(tool.name): interrupted; job \(job) keeps running on the cluster. Follow it with \
                `\(tool.name) status \(job) \(cluster)`, stop it with `\(tool.name) kill \(job) \(cluster)`.

                """.utf8
            )
        )
    }
}
