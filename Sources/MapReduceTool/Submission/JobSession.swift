import Cluster
import Foundation
import Logging
import MapReduce
import MapReduceEngine
import Wire

/// Runs one job through a JobTracker: the embedded cluster on 127.0.0.1, or a named one to which
/// the tool's binary and local inputs are uploaded and from which the output is downloaded.
///
/// The job is planned here, with its own code, as Hadoop's JobClient computes splits; only when
/// the inputs are paths on the cluster (`--remote-paths`) does a setup task plan it there.
struct JobSession {
    let job: any Job.Type
    let configuration: JobConfiguration
    let cluster: ClusterOptions
    /// The number of embedded TaskTrackers.
    let trackers: Int
    /// Whether inputs and output are paths on the cluster's side (no upload or download).
    let remotePaths: Bool
    /// The embedded cluster's web console, which keeps the cluster up after the job.
    let console: EmbeddedConsole?
    /// Whether to print nothing but the summary.
    let quiet: Bool
    /// Whether a signal kills a job on a named cluster too, instead of leaving it running.
    let killsOnExit: Bool
    /// What a signal does at each stage of the session.
    let interruption: Interruption
    /// The files and directories `--file` ships to every attempt.
    let shippedPaths: [String]
    /// How long a job on a named cluster is followed across a lost JobTracker before giving up.
    let reattachWindow: Duration

    /// A session for `job` as the command line asked for it.
    init(
        options: SubmitOptions,
        job: any Job.Type,
        configuration: JobConfiguration,
        console: EmbeddedConsole? = nil,
        interruption: Interruption
    ) {
        self.job = job
        self.configuration = configuration
        cluster = options.cluster
        trackers = options.trackers
        remotePaths = options.remotePaths
        self.console = console
        quiet = options.quiet
        killsOnExit = options.killOnExit
        self.interruption = interruption
        shippedPaths = options.files
        reattachWindow = .seconds(options.reattachWindow)
    }

    /// Runs `job` as the command line asked, in the foreground: progress on a terminal, and
    /// Ctrl-C, SIGTERM and SIGHUP handled as ``Interruption`` says.
    static func runInForeground(
        options: SubmitOptions,
        job: any Job.Type,
        configuration: JobConfiguration,
        console: EmbeddedConsole?
    ) throws -> JobResult {
        let display = ProgressDisplay(enabled: !options.quiet && isatty(STDERR_FILENO) == 1)
        let interruption = Interruption()
        interruption.watch()
        defer { interruption.stop() }
        let session = JobSession(
            options: options,
            job: job,
            configuration: configuration,
            console: console,
            interruption: interruption
        )
        let outcome = Result { try session.run(progress: display.show, note: display.note) }
        interruption.holdIfInterrupted()
        let result = try outcome.get()
        display.finish()
        return result
    }

    /// Runs the job to its end; throws the job's failure as one line.
    ///
    /// `note` prints a line between progress updates, such as a JobTracker restart that the job
    /// survived.
    func run(
        progress: @escaping @Sendable (JobProgress) -> Void,
        note: @escaping @Sendable (String) -> Void
    ) throws -> JobResult {
        let started = Date()
        let shipped = try ShippedFiles.collect(shippedPaths)
        var shipping = configuration
        ShippedFiles.record(shipped.map(\.file), in: &shipping.parameters)
        let configuration = shipping
        let (job, cluster, trackers, remotePaths, console, quiet) = (
            job, cluster, trackers, remotePaths, console, quiet
        )
        let (interruption, killsOnExit, reattachWindow) = (interruption, killsOnExit, reattachWindow)
        let address = try cluster.address()
        let tool = ToolContext.current
        let report = try BlockingAsync.run { () async throws -> JobReport in
            guard let address else {
                return try await Self.runEmbedded(
                    job,
                    configuration,
                    shipped: shipped,
                    tool: tool,
                    trackers: trackers,
                    console: console,
                    interruption: interruption,
                    progress: progress
                )
            }
            let client = ClusterClient(address: address, secret: try cluster.secret())
            let leave = RemoteLeave(tool: tool, client: client, killsOnExit: killsOnExit)
            let follow = RemoteFollow(
                tool: tool,
                client: client,
                window: reattachWindow,
                note: note,
                progress: progress
            )
            return try await Self.runRemote(
                job,
                configuration,
                shipped: shipped,
                tool: tool,
                client: client,
                remotePaths: remotePaths,
                quiet: quiet,
                interruption: interruption,
                leave: leave,
                follow: follow
            )
        }
        return JobResult(
            job: report.job,
            outputPath: configuration.outputPath,
            counters: report.counters,
            elapsedSeconds: Date().timeIntervalSince(started),
            failedAttempts: report.failedAttempts
        )
    }

    private static func runEmbedded(
        _ job: any Job.Type,
        _ configuration: JobConfiguration,
        shipped: [(file: JobFileReference, path: String)],
        tool: ToolContext,
        trackers: Int,
        console: EmbeddedConsole?,
        interruption: Interruption,
        progress: @escaping @Sendable (JobProgress) -> Void
    ) async throws -> JobReport {
        var logger = Logger(label: "\(tool.name).embedded")
        logger.logLevel =
            ProcessInfo.processInfo.environment["MR_LOG_LEVEL"].flatMap { Logger.Level(rawValue: $0) } ?? .critical
        try OutputPlacement.check(output: configuration.outputPath, inputs: configuration.inputs)
        let files = try inputFiles(of: job, configuration)
        let embedded = try await EmbeddedCluster.start(
            trackers: trackers,
            slots: max(1, configuration.slots / max(1, trackers)),
            workDirectory: configuration.workDirectory,
            taskRunner: tool.embeddedTaskRunner,
            installed: tool.description,
            logger: logger
        )
        interruption.onInterrupt { _ in await embedded.abandon() }
        do {
            try await console?.start(for: embedded, logger: logger)
            let client = ClusterClient(address: embedded.address, secret: embedded.secret)
            let report = try await client.withConnection { connection in
                let plan = try await plan(job, configuration, files: files, client: client, on: connection)
                _ = try await client.store(shipped.map { ($0.file, $0.path) }, on: connection)
                let request = submission(
                    job,
                    configuration,
                    inputs: configuration.inputs,
                    output: configuration.outputPath,
                    plan: plan
                )
                let id = try await client.submit(request, on: connection)
                return try await client.follow(id, on: connection, every: .milliseconds(100)) { progress($0.progress) }
            }
            if console?.isRunning != true { await embedded.stop() }
            return try succeeded(report)
        } catch {
            if console?.isRunning != true { await embedded.stop() }
            throw error
        }
    }

    private static func runRemote(
        _ job: any Job.Type,
        _ configuration: JobConfiguration,
        shipped: [(file: JobFileReference, path: String)],
        tool: ToolContext,
        client: ClusterClient,
        remotePaths: Bool,
        quiet: Bool,
        interruption: Interruption,
        leave: RemoteLeave,
        follow: RemoteFollow
    ) async throws -> JobReport {
        if remotePaths {
            let id = try await follow.withConnection { connection in
                let binary = try await BinaryShipment.binary(
                    for: tool,
                    client: client,
                    on: connection,
                    quiet: quiet
                )
                _ = try await client.store(shipped.map { ($0.file, $0.path) }, on: connection)
                let request = submission(
                    job,
                    configuration,
                    inputs: configuration.inputs.map(absolute),
                    output: configuration.outputPath.isEmpty ? "" : absolute(configuration.outputPath),
                    binary: binary
                )
                let id = try await client.submit(request, on: connection)
                interruption.onInterrupt { _ in await leave.leave(id, staging: nil) }
                return id
            }
            return try succeeded(try await follow.follow(id))
        }
        try OutputPlacement.check(output: configuration.outputPath, inputs: configuration.inputs)
        let files = try inputFiles(of: job, configuration)
        let local = LocalOutput(path: configuration.outputPath, replacesExisting: configuration.replacesOutput)
        try local.check()
        let (id, uploaded) = try await follow.withConnection { connection in
            let plan = try await plan(job, configuration, files: files, client: client, on: connection)
            let binary = try await BinaryShipment.binary(for: tool, client: client, on: connection, quiet: quiet)
            _ = try await client.store(shipped.map { ($0.file, $0.path) }, on: connection)
            let names = files.enumerated().map {
                "input-\($0.offset)/\(($0.element.path as NSString).lastPathComponent)"
            }
            let uploaded = try await client.upload(files, names: names, on: connection)
            let remote = Dictionary(uniqueKeysWithValues: zip(files.map(\.path), uploaded))
            let request = submission(
                job,
                configuration,
                inputs: uploaded,
                output: "",
                binary: binary,
                plan: plan.renamingInputs { remote[$0] ?? $0 }
            )
            let id = try await client.submit(request, on: connection)
            let staging = local.stagingPath(for: id)
            interruption.onInterrupt { _ in await leave.leave(id, staging: staging) }
            return (id, uploaded)
        }
        let report = try succeeded(try await follow.follow(id))
        let staging = local.stagingPath(for: id)
        return try await follow.withConnection { connection in
            do {
                try await client.download(id, into: staging, on: connection)
                if job is any FilePerInputJob.Type {
                    try renameOutputsNamedAfterInputs(in: staging, uploaded: uploaded, local: files.map(\.path))
                }
                try local.commit(from: staging)
            } catch {
                try? FileManager.default.removeItem(atPath: staging)
                throw error
            }
            return report
        }
    }

    /// The job's input files; none for a job that generates its input and was given no paths.
    private static func inputFiles(of job: any Job.Type, _ configuration: JobConfiguration) throws -> [InputFile] {
        if configuration.inputs.isEmpty, try !job.init(parameters: configuration.parameters).readsInputFiles {
            return []
        }
        return try InputPaths.expand(configuration.inputs, excluding: [configuration.outputPath])
    }

    /// `path` as the client names it, made absolute against its working directory: the JobTracker
    /// and the task processes, whose working directories differ, must name the same files.
    private static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            .standardizedFileURL.path
    }

    /// The job's plan over `files` for the cluster's slots, made with the job's own code and
    /// checked against the cluster's limits before anything is uploaded.
    private static func plan(
        _ job: any Job.Type,
        _ configuration: JobConfiguration,
        files: [InputFile],
        client: ClusterClient,
        on connection: WireConnection
    ) async throws -> JobPlan {
        let cluster = try await client.info(on: connection)
        let plan = try JobPlanner.plan(
            try job.init(parameters: configuration.parameters),
            files: files,
            splitSize: configuration.splitSize,
            reducers: configuration.reducers,
            slots: cluster.slots
        )
        try cluster.limits.check(plan, of: job.name)
        return plan
    }

    /// A per-input job names each output after its input's path, which for uploaded inputs is
    /// the copy on the JobTracker: renames those outputs after the local files they came from,
    /// where the tool looks for them.
    private static func renameOutputsNamedAfterInputs(in directory: String, uploaded: [String], local: [String]) throws
    {
        for (remote, path) in zip(uploaded, local) {
            let staged = directory + "/" + PerInputOutputNaming.stagedName(forInput: remote)
            guard FileManager.default.fileExists(atPath: staged) else { continue }
            try FileManager.default.moveItem(
                atPath: staged,
                toPath: directory + "/" + PerInputOutputNaming.stagedName(forInput: path)
            )
        }
    }

    /// The submission of `job`; without a plan, a setup task on the cluster makes one.
    static func submission(
        _ job: any Job.Type,
        _ configuration: JobConfiguration,
        inputs: [String],
        output: String,
        binary: JobBinary = .installed,
        plan: JobPlan? = nil
    ) -> SubmitJobRequest {
        SubmitJobRequest(
            job: job.name,
            binary: binary,
            parameters: configuration.parameters,
            inputs: inputs,
            outputPath: output,
            reducers: configuration.reducers,
            splitSize: configuration.splitSize,
            mapBufferSize: configuration.mapBufferSize,
            replacesOutput: configuration.replacesOutput,
            plan: plan
        )
    }

    private static func succeeded(_ report: JobReport) throws -> JobReport {
        guard report.state == .succeeded else {
            throw JobFailure(report: report)
        }
        return report
    }
}

extension JobReport {
    /// The report as the progress line's numbers.
    var progress: JobProgress {
        JobProgress(
            phase: phase,
            phaseCount: phaseCount,
            phaseName: phaseName,
            mapsDone: mapsDone,
            mapsTotal: mapsTotal,
            reducesDone: reducesDone,
            reducesTotal: reducesTotal
        )
    }
}
