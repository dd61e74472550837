import Foundation
import Logging
import MapReduce
import MapReduceEngine
import Wire

/// Fetches one reduce partition of every map output of a phase, as the maps finish, into local
/// files: several fetches at once, each retried with backoff before the reduce gives up. A map
/// output on a file system this tracker shares (its own, or another tracker's on the same
/// machine) is read in place instead, like Hadoop's local fetch. Segments of consecutive maps
/// are merged on disk while the rest are fetched (``ShuffleMerger``), off the concurrency pool.
struct ReduceFetcher: Sendable {
    let attempt: AttemptID
    let directory: String
    let secret: ClusterSecret
    /// Whether map outputs on a shared file system are read in place.
    let readsInPlace: Bool
    let nodeID: String
    let parallelFetches: Int
    /// Consecutive maps' segments merged into one file while fetching (``ShuffleMerger/factor``).
    let mergeFactor: Int
    let metrics: TaskTrackerMetrics
    let logger: Logger
    /// Hears how many map outputs have been fetched, as the attempt's progress.
    let progress: @Sendable (Int64) -> Void

    /// Fetch attempts per map output before the reduce fails.
    static let retries = 4

    /// What a reduce reads once every map output of its partition is here.
    struct Fetched: Sendable {
        /// The reduce's inputs: merged runs and the segments not merged yet.
        let inputs: [ReduceTaskRunner.Input]
        /// How many map outputs were read where they lie rather than fetched.
        let readInPlace: Int
        /// How many map outputs there were.
        let mapOutputs: Int
    }

    /// Asks the JobTracker for finished maps, which holds each answer until one finishes, and
    /// fetches each one's segment of this partition.
    ///
    /// A map output that cannot be fetched after the retries is reported to the JobTracker, which
    /// runs the map again once enough reduces say so; the reduce then fetches the new output.
    func fetchAll(over jobTracker: WireConnection) async throws -> Fetched {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var fetched: [Int: ReduceTaskRunner.Input] = [:]
        var known = 0
        var pending: [MapOutputLocation] = []
        var unreachable: Set<AttemptID> = []
        var toReport: [AttemptID] = []
        let merger = ShuffleMerger(directory: directory, factor: mergeFactor)
        while true {
            let reply = try await jobTracker.call(
                MapCompletionsRequest(
                    job: attempt.task.job,
                    phase: attempt.task.phase,
                    from: known,
                    unreachable: toReport,
                    reduce: attempt
                ),
                expecting: MapCompletionsReply.self
            )
            toReport = []
            guard reply.failure.isEmpty else { throw ShuffleError(message: reply.failure) }
            known += reply.locations.count
            pending += reply.locations.filter { fetched[$0.mapIndex] == nil && !unreachable.contains($0.attempt) }
            pending = latestPerMap(pending)
            let outcomes = try await withThrowingTaskGroup(of: (MapOutputLocation, ReduceTaskRunner.Input?).self) {
                group in
                var outcomes: [(MapOutputLocation, ReduceTaskRunner.Input?)] = []
                var running = 0
                for location in pending {
                    if running == parallelFetches, let outcome = try await group.next() {
                        outcomes.append(outcome)
                        running -= 1
                    }
                    group.addTask { (location, await fetch(location)) }
                    running += 1
                }
                for try await outcome in group { outcomes.append(outcome) }
                return outcomes
            }
            var arrived: [(Int, ReduceTaskRunner.Input)] = []
            for (location, input) in outcomes {
                if let input {
                    fetched[location.mapIndex] = input
                    arrived.append((location.mapIndex, input))
                    progress(Int64(fetched.count))
                } else {
                    unreachable.insert(location.attempt)
                    toReport.append(location.attempt)
                }
            }
            pending = []
            let batch = arrived
            try await Self.offloaded {
                for (mapIndex, input) in batch { try merger.add(mapIndex: mapIndex, input: input) }
            }
            if reply.mapCount > 0, fetched.count == reply.mapCount { break }
        }
        let readInPlace = fetched.values.filter { !$0.path.hasPrefix(directory + "/") }.count
        return Fetched(inputs: merger.inputs, readInPlace: readInPlace, mapOutputs: fetched.count)
    }

    /// Runs blocking file work on a dispatch thread rather than on the cooperative pool.
    private static func offloaded(_ work: @escaping @Sendable () throws -> Void) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
        }
    }

    /// The partition of a map output that lies on a file system this tracker shares, where it
    /// lies; nil when the tracker's probe is not visible from here.
    private func inPlace(_ location: MapOutputLocation) -> ReduceTaskRunner.Input? {
        guard readsInPlace, let segment = location.segments.first, location.path.hasPrefix("/"),
            location.probe?.isVisible == true, FileManager.default.isReadableFile(atPath: location.path)
        else { return nil }
        metrics.readInPlace(bytes: segment.length)
        return ReduceTaskRunner.Input(path: location.path, segment: segment)
    }

    /// Keeps the newest location of each map (a re-run map is announced again).
    private func latestPerMap(_ locations: [MapOutputLocation]) -> [MapOutputLocation] {
        var latest: [Int: MapOutputLocation] = [:]
        for location in locations { latest[location.mapIndex] = location }
        return latest.keys.sorted().map { latest[$0]! }
    }

    /// Fetches one map output, retrying with backoff; nil when every try failed.
    private func fetch(_ location: MapOutputLocation) async -> ReduceTaskRunner.Input? {
        if let input = inPlace(location) { return input }
        let path = "\(directory)/map-\(location.mapIndex).segment"
        for retry in 0..<Self.retries {
            if retry > 0 { try? await Task.sleep(for: .milliseconds(100 << retry)) }
            do {
                let client = WireClient(
                    WireClient.Configuration(
                        host: location.host,
                        port: location.port,
                        secret: secret,
                        role: .shuffle,
                        nodeID: nodeID,
                        connectTimeout: .seconds(2)
                    )
                )
                return try await client.withConnection { connection in
                    let response = try await connection.download(
                        ClusterMessages.fetchMapOutput,
                        payload: FetchMapOutputRequest(attempt: location.attempt, partition: attempt.task.index)
                            .encodedBuffer()
                    )
                    let header = try response.header.decode(as: FetchMapOutputReply.self)
                    try await FileStreaming.receive(response.body, into: path)
                    metrics.fetched(bytes: header.length)
                    return ReduceTaskRunner.Input(
                        path: path,
                        segment: MapOutputSegment(offset: 0, length: header.length, records: header.records)
                    )
                }
            } catch {
                logger.warning(
                    "shuffle fetch failed",
                    metadata: [
                        "attempt": "\(attempt)", "map": "\(location.attempt)",
                        "from": "\(location.host):\(location.port)", "try": "\(retry + 1)", "error": "\(error)",
                    ]
                )
            }
        }
        return nil
    }
}

/// A reduce that could not get its input, said in one line.
struct ShuffleError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
