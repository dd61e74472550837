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

    /// The local path of `path`, an input of `job`, fetching it first if needed. A fetch that
    /// failed is forgotten, so that the next attempt fetches again: over a new connection, after
    /// the JobTracker restarted, it succeeds.
    func localPath(of path: String, job: JobID, over connection: WireConnection) async throws -> String {
        let key = "\(job)\u{0}\(path)"
        let fetch = fetches[key] ?? start(path, job: job, over: connection)
        fetches[key] = fetch
        do {
            return try await fetch.value
        } catch {
            if fetches[key] == fetch { fetches[key] = nil }
            throw error
        }
    }

    private func start(_ path: String, job: JobID, over connection: WireConnection) -> Task<String, any Error> {
        let target =
            "\(directory)/\(job)/inputs/\(String(Array(path.utf8).withUnsafeBytes { KeyBytes.stableHash($0) }, radix: 16))"
        return Task {
            let response = try await connection.download(
                ClusterMessages.fetchInput,
                payload: FetchInputRequest(job: job, path: path).encodedBuffer()
            )
            _ = try response.header.decode(as: FetchInputReply.self)
            try await FileStreaming.receive(response.body, into: target)
            return target
        }
    }

    /// Forgets a job's fetched inputs (their files go with the job's directory).
    func removeJob(_ job: JobID) {
        fetches = fetches.filter { !$0.key.hasPrefix("\(job)\u{0}") }
    }
}
