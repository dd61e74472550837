import Foundation
import MapReduce
import MapReduceEngine
import Wire

/// Runs one attempt a tracker was given in a task-runner child process: a map over its splits, or
/// a reduce over its partition, which the tracker fetches first. A reduce writes its output in
/// place when the tracker shares the JobTracker's file system, and uploads it otherwise.
struct AttemptRunner: Sendable {
    let tracker: TaskTracker
    let assignment: TaskAssignment
    let jobTracker: WireConnection

    var attempt: AttemptID { assignment.attempt }

    func run() async throws -> AttemptReport {
        attempt.task.kind == .map ? try await runMap() : try await runReduce()
    }

    private func runMap() async throws -> AttemptReport {
        var splits: [InputSplit] = []
        for split in assignment.splits {
            if let copy = try await fetchedCopy(of: split.path) {
                splits.append(InputSplit(path: split.path, start: split.start, length: split.length, localPath: Self.absolute(copy)))
            } else {
                splits.append(InputSplit(path: Self.absolute(split.path), start: split.start, length: split.length))
            }
        }
        let directory = tracker.jobDirectory(attempt.task.job) + "/map"
        let result = try await runChild(
            TaskRunRequest(
                attempt: attempt, jobName: assignment.jobName, parameters: assignment.parameters,
                broadcast: assignment.broadcast, splits: splits, reduceCount: assignment.reduceCount,
                bufferLimit: assignment.bufferLimit, inputPaths: [], inputSegments: [], directory: directory),
            in: directory)
        tracker.registry.add(attempt, MapTaskResult(path: result.outputPath, segments: result.segments, counters: result.counters))
        return AttemptReport(
            attempt: attempt, state: .succeeded, records: result.counters[.mapInputRecords], counters: result.counters,
            failure: "", segments: result.segments, outputPath: Self.absolute(result.outputPath))
    }

    private func runReduce() async throws -> AttemptReport {
        let directory = tracker.jobDirectory(attempt.task.job) + "/reduce/\(attempt)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let fetcher = ReduceFetcher(
            attempt: attempt, directory: directory + "/input", secret: tracker.configuration.secret,
            readsInPlace: tracker.configuration.usesSharedFileSystems,
            nodeID: tracker.configuration.trackerID, parallelFetches: tracker.configuration.parallelFetches,
            metrics: tracker.metrics, logger: tracker.logger, progress: { [ledger = tracker.ledger, attempt] in ledger.progress(attempt, records: $0) })
        let inputs = try await fetcher.fetchAll(over: jobTracker)
        let inPlace = outputDirectoryIsWritableInPlace()
        let output = inPlace ? assignment.outputDirectory : directory + "/output"
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        let counters = try await runChild(
            TaskRunRequest(
                attempt: attempt, jobName: assignment.jobName, parameters: assignment.parameters,
                broadcast: assignment.broadcast, splits: [], reduceCount: assignment.reduceCount,
                bufferLimit: assignment.bufferLimit, inputPaths: inputs.map(\.path), inputSegments: inputs.map(\.segment),
                directory: output),
            in: directory
        ).counters
        if !inPlace { try await upload(output) }
        let readInPlace = inputs.filter { !$0.path.hasPrefix(directory + "/") }.count
        tracker.logger.info(
            "reduce output committed",
            metadata: [
                "attempt": "\(attempt)", "read-in-place": "\(readInPlace)/\(inputs.count)",
                "output": "\(inPlace ? "in-place" : "uploaded")",
            ])
        return AttemptReport(
            attempt: attempt, state: .succeeded, records: counters[.reduceInputRecords], counters: counters, failure: "",
            segments: [])
    }

    /// Whether the JobTracker's output directory for this attempt is on this tracker's file system
    /// and writable (a read-only shared volume is not); creates it when it is.
    private func outputDirectoryIsWritableInPlace() -> Bool {
        guard tracker.configuration.usesSharedFileSystems, !assignment.outputDirectory.isEmpty,
            assignment.outputProbe?.isVisible == true
        else { return false }
        return (try? FileManager.default.createDirectory(atPath: assignment.outputDirectory, withIntermediateDirectories: false)) != nil
    }

    /// Uploads the files of a reduce's output directory to the JobTracker, which commits them
    /// with the attempt.
    private func upload(_ output: String) async throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: output).sorted() {
            let file = try FileReadHandle(path: output + "/" + name)
            let reply = try await jobTracker.upload(
                ClusterMessages.commitOutput, payload: CommitOutputRequest(attempt: attempt, file: name).encodedBuffer()
            ) { writer in
                try await FileStreaming.stream(file, from: 0, length: file.size, to: writer)
            }
            _ = try reply.decode(as: CommitOutputReply.self)
        }
    }

    /// Runs the attempt in a task-runner child process, which the tracker can kill.
    private func runChild(_ request: TaskRunRequest, in directory: String) async throws -> TaskRunResult {
        let (ledger, attempt) = (tracker.ledger, attempt)
        let child = try ChildTask(
            runner: tracker.configuration.taskRunnerPath, request: request, directory: directory,
            logPath: tracker.logPath(of: attempt), progress: { ledger.progress(attempt, records: $0) })
        tracker.children.add(attempt, child)
        defer { tracker.children.remove(attempt) }
        return try await child.result()
    }

    private static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }

    /// The copy of an input file this tracker fetched for the task to read, or nil when it reads
    /// the file in place, under the shared root. The task keeps naming the file by `path`.
    private func fetchedCopy(of path: String) async throws -> String? {
        if let root = tracker.configuration.sharedInputRoot, path.hasPrefix(root) { return nil }
        return try await tracker.inputs.localPath(of: path, job: attempt.task.job, over: jobTracker)
    }
}
