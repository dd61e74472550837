import Cluster
import Foundation
import Wire

/// Puts the running tool's executable into a cluster's job-file store, by hash, unless it is
/// there already: how a job author's binary reaches trackers that were started before it existed.
enum BinaryShipment {
    /// The binary reference a submission names: the installed one for tools whose jobs every
    /// tracker has, else the tool's own executable, uploaded first if the store lacks it.
    static func binary(for tool: ToolContext, client: ClusterClient, on connection: WireConnection) async throws -> JobBinary {
        guard tool.shipping == .shipsItself else { return .installed }
        let digest = try FileDigest.sha256(ofFileAt: tool.executablePath)
        let file = JobFileReference(sha256: digest.hash, name: tool.name, size: digest.size, isExecutable: true)
        try await client.store([(file, tool.executablePath)], on: connection)
        return .stored(file)
    }
}
