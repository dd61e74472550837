import Foundation
import Logging
import MapReduce
import MapReduceEngine
import NIOCore
import Wire

/// Fetches one reduce partition of every map output of a phase, as the maps finish: several
/// fetches at once, each retried with backoff before the reduce gives up. A segment no larger than
/// the ``ShuffleMemory/segmentLimit`` of the reduce's shuffle memory is fetched into memory (waiting
/// while the memory is full), a larger one into a local file. A map output on a file system this
/// tracker shares (its own, or another tracker's on the same machine) is read in place instead,
/// like Hadoop's local fetch. Each segment is handed to a ``ShuffleMerger`` as it arrives, which
/// merges in memory and on disk in the background while the rest are fetched
/// (``BackgroundShuffleMerge``).
struct ReduceFetcher: Sendable {
    let attempt: AttemptID
    let directory: String
    let secret: ClusterSecret
    /// Whether map outputs on a shared file system are read in place.
    let readsInPlace: Bool
    let nodeID: String
    let parallelFetches: Int
    /// Runs merged at once while fetching (``ShuffleMerger/factor``).
    let mergeFactor: Int
    /// The bytes of fetched segments the reduce may keep in memory (``ShuffleMemory/limit``).
    let shuffleMemory: Int64
    let metrics: TaskTrackerMetrics
    let logger: Logger
    /// Hears how many map outputs have been fetched, as the attempt's progress.
    let progress: @Sendable (Int64) -> Void

    /// Fetch attempts per map output before the reduce fails.
    static let retries = 4

    /// What a reduce reads once every map output of its partition is here.
    struct Fetched: Sendable {
        /// The reduce's inputs: merged runs and the segments not merged, in map order.
        let inputs: [ReduceTaskRunner.Input]
        /// How many map outputs were read where they lie rather than fetched.
        let readInPlace: Int
        /// How many map outputs there were.
        let mapOutputs: Int
        /// The most bytes of fetched segments held in memory at once.
        let memoryHighWater: Int64
    }

    /// Asks the JobTracker for finished maps, which holds each answer until one finishes, and
    /// fetches each one's segment of this partition.
    ///
    /// A map output that cannot be fetched after the retries is reported to the JobTracker, which
    /// runs the map again once enough reduces say so; the reduce then fetches the new output.
    func fetchAll(over jobTracker: WireConnection) async throws -> Fetched {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let memory = ShuffleMemory(limit: shuffleMemory)
        let merging = BackgroundShuffleMerge(ShuffleMerger(directory: directory, factor: mergeFactor, memory: memory))
        do {
            let (fetched, readInPlace) = try await fetchEach(over: jobTracker, memory: memory, into: merging)
            return Fetched(
                inputs: try await merging.finish(),
                readInPlace: readInPlace,
                mapOutputs: fetched,
                memoryHighWater: memory.highWater
            )
        } catch {
            merging.abandon()
            throw error
        }
    }

    /// Fetches every map's segment, handing each to `merging` as it arrives; returns how many
    /// there were and how many were read in place.
    private func fetchEach(
        over jobTracker: WireConnection,
        memory: ShuffleMemory,
        into merging: BackgroundShuffleMerge
    ) async throws -> (fetched: Int, readInPlace: Int) {
        var fetched: Set<Int> = []
        var readInPlace = 0
        var known = 0
        var pending: [MapOutputLocation] = []
        var unreachable: Set<AttemptID> = []
        var toReport: [AttemptID] = []
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
            pending += reply.locations.filter { !fetched.contains($0.mapIndex) && !unreachable.contains($0.attempt) }
            pending = latestPerMap(pending)
            try await withThrowingTaskGroup(of: (MapOutputLocation, ShuffleSegment?).self) { group in
                var running = 0
                var next = pending.makeIterator()
                while true {
                    if running < parallelFetches, let location = next.next() {
                        group.addTask { (location, await fetch(location, memory: memory)) }
                        running += 1
                        continue
                    }
                    guard let outcome = try await group.next() else { break }
                    let (location, segment) = outcome
                    running -= 1
                    guard let segment else {
                        unreachable.insert(location.attempt)
                        toReport.append(location.attempt)
                        continue
                    }
                    fetched.insert(location.mapIndex)
                    if case .file(let input) = segment, !input.path.hasPrefix(directory + "/") { readInPlace += 1 }
                    merging.add(mapIndex: location.mapIndex, segment)
                    progress(Int64(fetched.count))
                }
            }
            pending = []
            if let error = merging.error { throw error }
            if reply.mapCount > 0, fetched.count == reply.mapCount { return (fetched.count, readInPlace) }
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

    /// Fetches one map output, into memory when its segment may be kept there, retrying with
    /// backoff; nil when every try failed.
    private func fetch(_ location: MapOutputLocation, memory: ShuffleMemory) async -> ShuffleSegment? {
        if let input = inPlace(location) { return .file(input) }
        let path = "\(directory)/map-\(location.mapIndex).segment"
        let announced = location.segments.first?.length
        for retry in 0..<Self.retries {
            if retry > 0 { try? await Task.sleep(for: .milliseconds(100 << retry)) }
            let kept = await memorySegment(announced, in: memory)
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
                return try await client.withConnection { connection -> ShuffleSegment in
                    let response = try await connection.download(
                        ClusterMessages.fetchMapOutput,
                        payload: FetchMapOutputRequest(attempt: location.attempt, partition: attempt.task.index)
                            .encodedBuffer()
                    )
                    let header = try response.header.decode(as: FetchMapOutputReply.self)
                    if let kept, header.length == Int64(kept.length) {
                        try await Self.receive(response.body, into: kept)
                        metrics.fetched(bytes: header.length)
                        return .memory(kept, records: header.records)
                    }
                    try await FileStreaming.receive(response.body, into: path)
                    metrics.fetched(bytes: header.length)
                    return .file(
                        ReduceTaskRunner.Input(
                            path: path,
                            segment: MapOutputSegment(offset: 0, length: header.length, records: header.records)
                        )
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

    /// Memory for a segment of `length` bytes, reserved in `memory`, when the segment may be kept
    /// there; nil for a segment to fetch to disk.
    private func memorySegment(_ length: Int64?, in memory: ShuffleMemory) async -> MemorySegment? {
        guard let length, await memory.reserve(length) else { return nil }
        return MemorySegment(length: Int(length), reservedIn: memory)
    }

    /// Receives a stream of exactly the segment's length into it.
    private static func receive(_ body: ChunkStream?, into segment: MemorySegment) async throws {
        guard let body else { throw ShuffleError(message: "the map output reply carries no data stream") }
        for try await chunk in body {
            try chunk.withUnsafeReadableBytes { try segment.append($0) }
        }
        guard segment.isComplete else {
            throw ShuffleError(message: "\(segment.filled) bytes of a \(segment.length)-byte segment arrived")
        }
    }
}

/// A reduce that could not get its input, said in one line.
struct ShuffleError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
