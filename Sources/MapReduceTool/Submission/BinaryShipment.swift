import Cluster
import Foundation
import Wire

/// Puts the running tool's executable into a cluster's job-file store, by hash, unless it is
/// there already: how a job author's binary reaches trackers that were started before it existed.
enum BinaryShipment {
    /// The binary reference a submission names: the installed one for tools whose jobs every
    /// tracker has, else the tool's own executable, uploaded first if the store lacks it. Unless
    /// `quiet`, says on standard error whether it was uploaded and how long that took.
    static func binary(
        for tool: ToolContext,
        client: ClusterClient,
        on connection: WireConnection,
        quiet: Bool
    ) async throws -> JobBinary {
        guard tool.shipping == .shipsItself else { return .installed }
        let started = ContinuousClock.now
        let digest = try FileDigest.sha256(ofFileAt: tool.executablePath)
        let file = JobFileReference(sha256: digest.hash, name: tool.name, size: digest.size, isExecutable: true)
        let uploaded = try await client.store([(file, tool.executablePath)], on: connection)
        if !quiet {
            let elapsed = (ContinuousClock.now - started).components
            let seconds = String(format: "%.2f", Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18)
            let news =
                uploaded.isEmpty
                ? "the cluster has \(file) already (checked in \(seconds) s)"
                : "shipped \(file) (\(ByteCountText.describe(file.size))) to the cluster in \(seconds) s"
            FileHandle.standardError.write(Data("\(tool.name): \(news)\n".utf8))
        }
        return .stored(file)
    }
}
