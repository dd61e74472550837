import Foundation
import JobCatalog
import MapReduce
import MapReduceEngine
import Wire

/// Runs one attempt a tracker was given: a map over its splits, or a reduce over its fetched partition.
struct AttemptRunner: Sendable {
    let tracker: TaskTracker
    let assignment: TaskAssignment
    let jobTracker: WireConnection

    var attempt: AttemptID { assignment.attempt }

    func run() async throws -> AttemptReport {
        guard let jobType = JobCatalog.job(named: assignment.jobName) else {
            throw InputError(path: assignment.jobName, problem: "this tracker's catalog has no such job")
        }
        let phase = try jobType.init(parameters: assignment.parameters).phases[attempt.task.phase]
        let info = TaskInfo(
            attempt: attempt, parameters: assignment.parameters, broadcast: Broadcast(encoded: assignment.broadcast))
        return attempt.task.kind == .map ? try await runMap(phase, info: info) : try await runReduce(phase, info: info)
    }

    private func runMap(_ phase: Phase, info: TaskInfo) async throws -> AttemptReport {
        var localSplits: [InputSplit] = []
        for split in assignment.splits {
            let path = try await localPath(of: split.path)
            localSplits.append(InputSplit(path: path, start: split.start, length: split.length))
        }
        let splits = localSplits
        let directory = tracker.jobDirectory(attempt.task.job) + "/map"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let (ledger, attempt, reduceCount, bufferLimit) = (tracker.ledger, attempt, assignment.reduceCount, assignment.bufferLimit)
        let result = try await BlockingWork.run {
            try MapTaskRunner.run(
                phase: phase, info: info, splits: splits, reduceCount: reduceCount, bufferLimit: bufferLimit,
                directory: directory, progress: { ledger.progress(attempt, records: $0) })
        }
        tracker.registry.add(attempt, result)
        return AttemptReport(
            attempt: attempt, state: .succeeded, records: result.counters[.mapInputRecords], counters: result.counters,
            failure: "", segments: result.segments)
    }

    private func runReduce(_ phase: Phase, info: TaskInfo) async throws -> AttemptReport {
        let directory = tracker.jobDirectory(attempt.task.job) + "/reduce/\(attempt)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let fetcher = ReduceFetcher(
            attempt: attempt, directory: directory + "/input", secret: tracker.configuration.secret,
            nodeID: tracker.configuration.trackerID, parallelFetches: tracker.configuration.parallelFetches,
            logger: tracker.logger)
        let inputs = try await fetcher.fetchAll(over: jobTracker)
        let output = directory + "/output"
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        let counters = try await BlockingWork.run {
            try ReduceTaskRunner.run(phase: phase, info: info, inputs: inputs, directory: output)
        }
        for name in try FileManager.default.contentsOfDirectory(atPath: output).sorted() {
            let file = try FileReadHandle(path: output + "/" + name)
            let reply = try await jobTracker.upload(
                ClusterMessages.commitOutput, payload: CommitOutputRequest(attempt: attempt, file: name).encodedBuffer()
            ) { writer in
                try await FileStreaming.stream(file, from: 0, length: file.size, to: writer)
            }
            _ = try reply.decode(as: CommitOutputReply.self)
        }
        return AttemptReport(
            attempt: attempt, state: .succeeded, records: counters[.reduceInputRecords], counters: counters, failure: "",
            segments: [])
    }

    /// Where this tracker reads an input file: in place under the shared root, else a fetched copy.
    private func localPath(of path: String) async throws -> String {
        if let root = tracker.configuration.sharedInputRoot, path.hasPrefix(root) { return path }
        return try await tracker.inputs.localPath(of: path, job: attempt.task.job, over: jobTracker)
    }
}
