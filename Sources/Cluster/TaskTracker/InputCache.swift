import Foundation
import MapReduce
import Wire

/// Input files a tracker cannot read from a shared disk, fetched once per job from the JobTracker.
actor InputCache {
    private let directory: String
    private var fetches: [String: Task<String, any Error>] = [:]

    init(directory: String) {
        self.directory = directory
    }

    /// The local path of `path`, an input of `job`, fetching it first if needed.
    func localPath(of path: String, job: JobID, over connection: WireConnection) async throws -> String {
        let key = "\(job)\u{0}\(path)"
        if let fetch = fetches[key] { return try await fetch.value }
        let target =
            "\(directory)/\(job)/inputs/\(String(Array(path.utf8).withUnsafeBytes { KeyBytes.stableHash($0) }, radix: 16))"
        let fetch = Task {
            let response = try await connection.download(
                ClusterMessages.fetchInput,
                payload: FetchInputRequest(job: job, path: path).encodedBuffer()
            )
            _ = try response.header.decode(as: FetchInputReply.self)
            try await FileStreaming.receive(response.body, into: target)
            return target
        }
        fetches[key] = fetch
        return try await fetch.value
    }

    /// Forgets a job's fetched inputs (their files go with the job's directory).
    func removeJob(_ job: JobID) {
        fetches = fetches.filter { !$0.key.hasPrefix("\(job)\u{0}") }
    }
}
