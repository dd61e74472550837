import Foundation
import Logging
import MapReduce
import MapReduceEngine
import Wire

/// Fetches one reduce partition of every map output of a phase, as the maps finish, into local
/// files: several fetches at once, each retried with backoff before the reduce gives up.
struct ReduceFetcher: Sendable {
    let attempt: AttemptID
    let directory: String
    let secret: ClusterSecret
    let nodeID: String
    let parallelFetches: Int
    let logger: Logger

    /// Fetch attempts per map output before the reduce fails.
    static let retries = 4

    /// Polls the JobTracker for finished maps and fetches each one's segment of this partition.
    func fetchAll(over jobTracker: WireConnection) async throws -> [ReduceTaskRunner.Input] {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var fetched: [Int: ReduceTaskRunner.Input] = [:]
        var known = 0
        var pending: [MapOutputLocation] = []
        while true {
            let reply = try await jobTracker.call(
                MapCompletionsRequest(job: attempt.task.job, phase: attempt.task.phase, from: known),
                expecting: MapCompletionsReply.self)
            guard reply.failure.isEmpty else { throw ShuffleError(message: reply.failure) }
            known += reply.locations.count
            pending += reply.locations.filter { fetched[$0.mapIndex] == nil }
            pending = latestPerMap(pending)
            try await withThrowingTaskGroup(of: (Int, ReduceTaskRunner.Input).self) { group in
                var running = 0
                for location in pending {
                    if running == parallelFetches, let (index, input) = try await group.next() {
                        fetched[index] = input
                        running -= 1
                    }
                    group.addTask { (location.mapIndex, try await fetch(location)) }
                    running += 1
                }
                for try await (index, input) in group { fetched[index] = input }
            }
            pending = []
            if reply.mapCount > 0, fetched.count == reply.mapCount { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        return fetched.keys.sorted().map { fetched[$0]! }
    }

    /// Keeps the newest location of each map (a re-run map is announced again).
    private func latestPerMap(_ locations: [MapOutputLocation]) -> [MapOutputLocation] {
        var latest: [Int: MapOutputLocation] = [:]
        for location in locations { latest[location.mapIndex] = location }
        return latest.keys.sorted().map { latest[$0]! }
    }

    private func fetch(_ location: MapOutputLocation) async throws -> ReduceTaskRunner.Input {
        let path = "\(directory)/map-\(location.mapIndex).segment"
        var lastError: (any Error)?
        for retry in 0..<Self.retries {
            if retry > 0 { try await Task.sleep(for: .milliseconds(100 << retry)) }
            do {
                let client = WireClient(
                    WireClient.Configuration(
                        host: location.host, port: location.port, secret: secret, role: .shuffle, nodeID: nodeID))
                return try await client.withConnection { connection in
                    let response = try await connection.download(
                        ClusterMessages.fetchMapOutput,
                        payload: FetchMapOutputRequest(attempt: location.attempt, partition: attempt.task.index).encodedBuffer())
                    let header = try response.header.decode(as: FetchMapOutputReply.self)
                    try await FileStreaming.receive(response.body, into: path)
                    return ReduceTaskRunner.Input(
                        path: path, segment: MapOutputSegment(offset: 0, length: header.length, records: header.records))
                }
            } catch {
                lastError = error
                logger.warning(
                    "shuffle fetch failed",
                    metadata: ["attempt": "\(attempt)", "map": "\(location.attempt)", "from": "\(location.host):\(location.port)", "error": "\(error)"])
            }
        }
        throw ShuffleError(
            message: "cannot fetch the output of \(location.attempt.task) from \(location.host):\(location.port) after \(Self.retries) tries: \(lastError.map { "\($0)" } ?? "unknown error")")
    }
}

/// A reduce that could not get its input, said in one line.
struct ShuffleError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
