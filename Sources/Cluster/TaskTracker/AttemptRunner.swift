import Foundation
import MapReduce
import MapReduceEngine
import Wire

/// Runs one attempt a tracker was given in a child process of the job's binary: a setup task that
/// plans the job, a map over its splits, or a reduce over its partition, which the tracker fetches
/// first. A reduce, or a map of a map-only job, writes its output in place when the tracker shares
/// the JobTracker's file system, and uploads it otherwise.
struct AttemptRunner: Sendable {
    let tracker: TaskTracker
    let assignment: TaskAssignment
    let jobTracker: WireConnection

    var attempt: AttemptID { assignment.attempt }

    func run() async throws -> AttemptReport {
        let runner = try await tracker.runners.runner(
            for: assignment.binary,
            job: assignment.jobName,
            of: attempt.task.job,
            fetch: fetchJobFile
        )
        switch attempt.task.kind {
        case .setup: return try await runSetup(with: runner)
        case .map where assignment.reduceCount == 0: return try await runMapOnly(with: runner)
        case .map: return try await runMap(with: runner)
        case .reduce: return try await runReduce(with: runner)
        }
    }

    private func runSetup(with runner: JobRunner) async throws -> AttemptReport {
        let directory = tracker.jobDirectory(attempt.task.job) + "/setup"
        let result = try await runChild(
            TaskRunRequest(
                attempt: attempt,
                jobName: assignment.jobName,
                parameters: assignment.parameters,
                broadcast: [],
                splits: try await readableSplits(),
                reduceCount: 0,
                bufferLimit: 0,
                inputPaths: [],
                inputSegments: [],
                directory: directory,
                setup: assignment.setup
            ),
            in: directory,
            with: runner
        )
        guard let plan = result.plan else {
            throw InputError(path: "\(attempt)", problem: "the job binary's setup task returned no plan")
        }
        return AttemptReport(
            attempt: attempt,
            state: .succeeded,
            records: 0,
            counters: result.counters,
            failure: "",
            segments: [],
            plan: plan
        )
    }

    private func runMap(with runner: JobRunner) async throws -> AttemptReport {
        let directory = tracker.jobDirectory(attempt.task.job) + "/map"
        let result = try await runChild(
            TaskRunRequest(
                attempt: attempt,
                jobName: assignment.jobName,
                parameters: assignment.parameters,
                broadcast: assignment.broadcast,
                splits: try await readableSplits(),
                reduceCount: assignment.reduceCount,
                bufferLimit: assignment.bufferLimit,
                inputPaths: [],
                inputSegments: [],
                directory: directory
            ),
            in: directory,
            with: runner
        )
        tracker.registry.add(
            attempt,
            MapTaskResult(path: result.outputPath, segments: result.segments, counters: result.counters)
        )
        return AttemptReport(
            attempt: attempt,
            state: .succeeded,
            records: result.counters[.mapInputRecords],
            counters: result.counters,
            failure: "",
            segments: result.segments,
            outputPath: Self.absolute(result.outputPath)
        )
    }

    /// Runs a map of a map-only job, whose `part-m-NNNNN` file is the job's output: written in
    /// place, or in the tracker's job directory and uploaded, as a reduce's output is.
    private func runMapOnly(with runner: JobRunner) async throws -> AttemptReport {
        let directory = tracker.jobDirectory(attempt.task.job) + "/map/\(attempt)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let splits = try await readableSplits()
        let (counters, inPlace) = try await runCommittingOutput(in: directory, with: runner) { [self] output in
            TaskRunRequest(
                attempt: attempt,
                jobName: assignment.jobName,
                parameters: assignment.parameters,
                broadcast: assignment.broadcast,
                splits: splits,
                reduceCount: 0,
                bufferLimit: assignment.bufferLimit,
                inputPaths: [],
                inputSegments: [],
                directory: output
            )
        }
        tracker.logger.info(
            "map-only output committed",
            metadata: ["attempt": "\(attempt)", "output": "\(inPlace ? "in-place" : "uploaded")"]
        )
        return AttemptReport(
            attempt: attempt,
            state: .succeeded,
            records: counters[.mapInputRecords],
            counters: counters,
            failure: "",
            segments: []
        )
    }

    /// The assignment's splits as this tracker reads them: in place under the shared root, or
    /// from copies fetched from the JobTracker.
    private func readableSplits() async throws -> [InputSplit] {
        var splits: [InputSplit] = []
        for split in assignment.splits {
            if split.isGenerated {
                splits.append(split)
            } else if let copy = try await fetchedCopy(of: split.path) {
                splits.append(
                    InputSplit(
                        path: split.path,
                        start: split.start,
                        length: split.length,
                        localPath: Self.absolute(copy)
                    )
                )
            } else {
                splits.append(InputSplit(path: Self.absolute(split.path), start: split.start, length: split.length))
            }
        }
        return splits
    }

    private func runReduce(with runner: JobRunner) async throws -> AttemptReport {
        let directory = tracker.jobDirectory(attempt.task.job) + "/reduce/\(attempt)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let fetcher = ReduceFetcher(
            attempt: attempt,
            directory: directory + "/input",
            secret: tracker.configuration.secret,
            readsInPlace: tracker.configuration.usesSharedFileSystems,
            nodeID: tracker.configuration.trackerID,
            parallelFetches: tracker.configuration.parallelFetches,
            mergeFactor: tracker.configuration.shuffleMergeFactor,
            shuffleMemory: tracker.configuration.shuffleMemory,
            metrics: tracker.metrics,
            logger: tracker.logger,
            progress: { [ledger = tracker.ledger, attempt] in ledger.progress(attempt, records: $0) }
        )
        let fetched = try await fetcher.fetchAll(over: jobTracker)
        let inputs = fetched.inputs
        let (counters, inPlace) = try await runCommittingOutput(in: directory, with: runner) { [self] output in
            TaskRunRequest(
                attempt: attempt,
                jobName: assignment.jobName,
                parameters: assignment.parameters,
                broadcast: assignment.broadcast,
                splits: [],
                reduceCount: assignment.reduceCount,
                bufferLimit: assignment.bufferLimit,
                inputPaths: inputs.map(\.path),
                inputSegments: inputs.map(\.segment),
                directory: output
            )
        }
        tracker.logger.info(
            "reduce output committed",
            metadata: [
                "attempt": "\(attempt)", "read-in-place": "\(fetched.readInPlace)/\(fetched.mapOutputs)",
                "shuffle-memory-peak": "\(fetched.memoryHighWater)",
                "output": "\(inPlace ? "in-place" : "uploaded")",
            ]
        )
        return AttemptReport(
            attempt: attempt,
            state: .succeeded,
            records: counters[.reduceInputRecords],
            counters: counters,
            failure: "",
            segments: []
        )
    }

    /// Runs the child of an attempt whose files are part of the job's output (a reduce, or a map
    /// of a map-only job): it writes them in place when the JobTracker's output directory is
    /// writable here, otherwise into `directory` and they are uploaded, as the attempt's commit.
    private func runCommittingOutput(
        in directory: String,
        with runner: JobRunner,
        _ request: (_ output: String) -> TaskRunRequest
    ) async throws -> (counters: Counters, inPlace: Bool) {
        let inPlace = outputDirectoryIsWritableInPlace()
        let output = inPlace ? assignment.outputDirectory : directory + "/output"
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        let counters = try await runChild(request(output), in: directory, with: runner).counters
        if !inPlace { try await upload(output) }
        return (counters, inPlace)
    }

    /// Whether the JobTracker's output directory for this attempt is on this tracker's file system
    /// and writable (a read-only shared volume is not); creates it when it is.
    private func outputDirectoryIsWritableInPlace() -> Bool {
        guard tracker.configuration.usesSharedFileSystems, !assignment.outputDirectory.isEmpty,
            assignment.outputProbe?.isVisible == true
        else { return false }
        return
            (try? FileManager.default.createDirectory(
                atPath: assignment.outputDirectory,
                withIntermediateDirectories: false
            )) != nil
    }

    /// Uploads the files of an attempt's output directory to the JobTracker, which commits them
    /// with the attempt.
    private func upload(_ output: String) async throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: output).sorted() {
            let file = try FileReadHandle(path: output + "/" + name)
            let reply = try await jobTracker.upload(
                ClusterMessages.commitOutput,
                payload: CommitOutputRequest(attempt: attempt, file: name).encodedBuffer()
            ) { writer in
                try await FileStreaming.stream(file, from: 0, length: file.size, to: writer)
            }
            _ = try reply.decode(as: CommitOutputReply.self)
        }
    }

    /// Runs the attempt in a child process of the job's binary, which the tracker can kill.
    private func runChild(
        _ request: TaskRunRequest,
        in directory: String,
        with runner: JobRunner
    ) async throws -> TaskRunResult {
        let (ledger, attempt) = (tracker.ledger, attempt)
        let memoryLimit = tracker.configuration.taskMemoryLimit
        var environment = try TaskEnvironment(declaration: request.parameters[TaskEnvironment.parameter])
            .variables(inheriting: ProcessInfo.processInfo.environment, trackerPID: getpid(), memoryLimit: memoryLimit)
        let attemptDirectory = Self.absolute(tracker.jobDirectory(attempt.task.job) + "/attempts/\(attempt)")
        environment[AttemptDirectory.variable] = nil
        if attempt.task.kind != .setup {
            try await prepare(attemptDirectory, shipping: try ShippedFiles.decode(request.parameters))
            environment[AttemptDirectory.variable] = attemptDirectory
        }
        defer { try? FileManager.default.removeItem(atPath: attemptDirectory) }
        let child = try ChildTask(
            runner: runner,
            request: request,
            directory: directory,
            logPath: tracker.logPath(of: attempt),
            environment: environment,
            memoryLimit: memoryLimit,
            progress: { ledger.progress(attempt, records: $0) },
            status: { ledger.status(attempt, message: $0) }
        )
        tracker.children.add(attempt, child)
        defer { tracker.children.remove(attempt) }
        return try await child.result()
    }

    /// Makes the attempt's own directory, in which its commands run, with the job's shipped files
    /// linked into it from the tracker's job-file cache.
    private func prepare(_ directory: String, shipping files: [JobFileReference]) async throws {
        try? FileManager.default.removeItem(atPath: directory)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var cached: [(file: JobFileReference, path: String)] = []
        for file in files {
            cached.append(
                (file, try await tracker.runners.cache.path(of: file, for: attempt.task.job, fetch: fetchJobFile))
            )
        }
        try ShippedFiles.link(cached, into: directory)
    }

    /// Fetches a shipped job file from the JobTracker's job-file store into `path`.
    private func fetchJobFile(_ file: JobFileReference, into path: String) async throws {
        let response = try await jobTracker.download(
            ClusterMessages.fetchJobFile,
            payload: FetchJobFileRequest(sha256: file.sha256).encodedBuffer()
        )
        _ = try response.header.decode(as: FetchJobFileReply.self)
        try await FileStreaming.receive(response.body, into: path)
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
