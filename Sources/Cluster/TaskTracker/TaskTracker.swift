import Foundation
import Logging
import MapReduce
import MapReduceEngine
import Synchronization
import Wire

/// A TaskTracker: registers with the JobTracker, heartbeats, runs the attempts it is given,
/// and serves its map outputs to reduces.
public final class TaskTracker: Sendable {
    /// The tracker's settings.
    public let configuration: TaskTrackerConfiguration
    let logger: Logger
    let registry: MapOutputRegistry
    let ledger = TrackerLedger()
    let children = ChildTaskRegistry()
    let inputs: InputCache
    /// The job binaries attempts run in.
    let runners: JobRunners
    /// Log lines waiting for the next heartbeat.
    let outbox: LogOutbox
    let metrics: TaskTrackerMetrics
    private let shuffle: ShuffleServer
    /// Set when the heartbeats end, after a drain.
    private let stopping = Mutex(false)
    /// Set by ``stop()``: the tracker takes no new tasks and drains.
    private let draining = Mutex(false)
    /// Set when, while draining, the JobTracker answered a heartbeat sent with nothing running and
    /// nothing left to report that no reduce needs this tracker's map outputs any more.
    private let released = Mutex(false)
    private let registered = Mutex(false)
    /// Why the work directory takes no new tasks (low free space), as last measured, or nil.
    private let spaceShortage = Mutex<String?>(nil)
    private let heartbeatInterval = Mutex(Duration.seconds(1))

    /// The probe in the work directory, by which reduces on the same file system find that they
    /// may read this tracker's map outputs in place.
    let probe: FileSystemProbe

    /// The bound shuffle port.
    public var shufflePort: Int { shuffle.port }

    /// Binds the shuffle server; call ``run()`` to join the cluster.
    public static func start(_ configuration: TaskTrackerConfiguration, logger: Logger) async throws -> TaskTracker {
        try FileManager.default.createDirectory(atPath: configuration.workDirectory, withIntermediateDirectories: true)
        let probe = try FileSystemProbe.write(in: configuration.workDirectory)
        let registry = MapOutputRegistry()
        let metrics = TaskTrackerMetrics(factory: configuration.metricsFactory)
        let environment = try TaskEnvironment(declaration: nil).variables(
            inheriting: ProcessInfo.processInfo.environment,
            trackerPID: getpid(),
            memoryLimit: configuration.taskMemoryLimit
        )
        let installed: Result<BinaryDescription, BinaryProblem>
        if let known = configuration.installedDescription {
            installed = .success(known)
        } else {
            installed = await JobRunners.describeInstalled(
                at: configuration.taskRunnerPath,
                tracker: configuration.trackerID,
                environment: environment
            )
        }
        if case .failure(let problem) = installed {
            logger.error(
                "the installed job binary cannot run; only shipped binaries will",
                metadata: ["problem": "\(problem)"]
            )
        }
        let runners = JobRunners(
            installedPath: configuration.taskRunnerPath,
            installed: installed,
            cache: try JobFileCache(
                directory: configuration.workDirectory + "/job-files",
                capacity: configuration.jobFileCacheSize
            ),
            tracker: configuration.trackerID,
            environment: environment
        )
        let shuffle = try await ShuffleServer.bind(
            host: configuration.host,
            port: configuration.shufflePort,
            secret: configuration.secret,
            nodeID: configuration.trackerID,
            registry: registry,
            workDirectory: configuration.workDirectory,
            metrics: metrics,
            logger: logger
        )
        return TaskTracker(
            configuration: configuration,
            logger: logger,
            registry: registry,
            shuffle: shuffle,
            metrics: metrics,
            probe: probe,
            runners: runners
        )
    }

    private init(
        configuration: TaskTrackerConfiguration,
        logger: Logger,
        registry: MapOutputRegistry,
        shuffle: ShuffleServer,
        metrics: TaskTrackerMetrics,
        probe: FileSystemProbe,
        runners: JobRunners
    ) {
        self.runners = runners
        ledger.adopt(
            ((try? FileManager.default.contentsOfDirectory(atPath: configuration.workDirectory)) ?? []).compactMap(
                JobID.init
            )
        )
        self.configuration = configuration
        self.probe = probe
        self.metrics = metrics
        var logger = logger
        logger[metadataKey: "tracker"] = "\(configuration.trackerID)"
        let outbox = LogOutbox()
        self.outbox = outbox
        self.logger = logger.forwarding(source: configuration.trackerID, to: outbox.post)
        self.shuffle = shuffle
        self.registry = registry
        inputs = InputCache(directory: configuration.workDirectory)
    }

    /// Serves shuffle requests and heartbeats until ``stop()``, reconnecting to the JobTracker with backoff.
    public func run() async throws {
        try await withThrowingDiscardingTaskGroup { group in
            group.addTask { try await self.shuffle.run() }
            group.addTask { await self.heartbeatLoop() }
        }
    }

    /// Leaves the cluster after a drain: takes no new tasks, lets running attempts finish and
    /// serves map outputs that unfinished reduces still need, for at most the drain timeout; then
    /// hands the attempts still running back to the JobTracker (killed, not failed), deregisters,
    /// closes the shuffle server and ends ``run()``.
    public func stop() async {
        draining.withLock { $0 = true }
        let timeout = configuration.drainTimeout
        logger.info("draining: no new tasks", metadata: ["running": "\(ledger.runningCount)", "timeout": "\(timeout)"])
        let deadline = ContinuousClock.now + timeout
        while !isReleased, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
        if isReleased {
            logger.info("drained: attempts finished and no reduce needs this tracker's map outputs")
        } else {
            await handBack()
        }
        stopping.withLock { $0 = true }
        let client = jobTrackerClient()
        _ = try? await client.withConnection { connection in
            try await connection.call(
                DeregisterTrackerRequest(tracker: configuration.trackerID),
                expecting: DeregisterTrackerReply.self,
                timeout: .seconds(2)
            )
        }
        await shuffle.close()
    }

    /// Whether the tracker is draining: it takes no new tasks and is about to leave.
    public var isDraining: Bool { draining.withLock { $0 } }

    private var isReleased: Bool { released.withLock { $0 } }

    /// Kills the attempts still running and waits briefly until their reports, which say
    /// `killed`, have gone to the JobTracker, so that they run again elsewhere without counting
    /// as failures. Deregistering has the same effect if the reports do not make it.
    private func handBack() async {
        let running = ledger.runningCount
        if configuration.drainTimeout == .zero {
            logger.debug("leaving without a drain", metadata: ["attempts": "\(running)"])
        } else if running > 0 {
            logger.warning("drain time is up; handing running attempts back", metadata: ["attempts": "\(running)"])
        } else {
            logger.warning(
                "drain time is up; leaving while reduces may still need map outputs here, which run again elsewhere"
            )
        }
        children.handBackAll()
        let deadline = ContinuousClock.now + .seconds(3)
        while !ledger.isIdle, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
    }

    private var isStopping: Bool { stopping.withLock { $0 } }

    /// Why the tracker should not be sent work now, or nil when it is registered and taking tasks.
    public var notReadyReason: String? {
        if isDraining { return "draining" }
        if let shortage = measureFreeSpace().shortage { return shortage }
        return registered.withLock { $0 } ? nil : "not registered with the JobTracker"
    }

    /// Measures the work directory's free space against ``TaskTrackerConfiguration/minimumFreeSpace``
    /// and logs when the tracker stops or starts taking tasks because of it.
    private func measureFreeSpace() -> (freeBytes: Int64, shortage: String?) {
        let measured: (Int64, String?)
        do {
            let space = try DiskSpace.of(configuration.workDirectory)
            measured = (space.availableBytes, configuration.minimumFreeSpace.shortage(in: space))
        } catch {
            measured = (-1, nil)
        }
        let previous = spaceShortage.withLock { shortage in
            defer { shortage = measured.1 }
            return shortage
        }
        if let shortage = measured.1, previous == nil {
            logger.warning("taking no new tasks: \(shortage)")
        } else if measured.1 == nil, previous != nil {
            logger.notice("free space is back above the minimum; taking tasks again")
        }
        return measured
    }

    private func jobTrackerClient() -> WireClient {
        WireClient(
            WireClient.Configuration(
                host: configuration.jobTrackerHost,
                port: configuration.jobTrackerPort,
                secret: configuration.secret,
                role: .tracker,
                nodeID: configuration.trackerID,
                requestTimeout: .seconds(60)
            )
        )
    }

    private func heartbeatLoop() async {
        var backoff = ReconnectBackoff()
        var lostAt = ContinuousClock.now
        while !isStopping {
            do {
                let connection = try await jobTrackerClient().connect()
                backoff.reset()
                try await register(on: connection)
                while !isStopping {
                    let accepting = try await heartbeat(on: connection)
                    if !accepting, !isStopping {
                        let interval = heartbeatInterval.withLock { $0 }
                        try await Task.sleep(for: isDraining ? min(interval, .milliseconds(200)) : interval)
                    }
                }
                await connection.close()
            } catch {
                let wasRegistered = registered.withLock { registered in
                    defer { registered = false }
                    return registered
                }
                if isStopping { break }
                if wasRegistered { lostAt = ContinuousClock.now }
                let delay = backoff.delay(elapsed: ContinuousClock.now - lostAt, random: Double.random(in: 0..<1))
                logger.warning("JobTracker unreachable; retrying", metadata: ["error": "\(error)", "in": "\(delay)"])
                try? await Task.sleep(for: delay)
            }
        }
    }

    private func register(on connection: WireConnection) async throws {
        let reply = try await connection.call(
            RegisterTrackerRequest(
                tracker: configuration.trackerID,
                host: configuration.advertiseHost,
                shufflePort: shufflePort,
                slots: configuration.slots,
                probe: probe,
                installedJobs: (try? runners.installed.get())?.jobs ?? [],
                heldJobs: ledger.heldJobs,
                runningAttempts: ledger.runningAttempts,
                heldOutputs: registry.attempts
            ),
            expecting: RegisterTrackerReply.self
        )
        for job in ledger.retire(reply.finishedJobs) { await cleanUp(job) }
        heartbeatInterval.withLock { $0 = .milliseconds(max(10, reply.heartbeatMilliseconds)) }
        registered.withLock { $0 = true }
        logger.info(
            "registered with the JobTracker",
            metadata: ["jobtracker": "\(configuration.jobTrackerHost):\(configuration.jobTrackerPort)"]
        )
    }

    /// Sends one heartbeat with whatever there is to report and acts on the reply; returns
    /// whether the tracker offered to take tasks.
    @discardableResult
    func heartbeat(on connection: WireConnection) async throws -> Bool {
        let interval = heartbeatInterval.withLock { $0 }
        let draining = isDraining
        let space = measureFreeSpace()
        let accepting = !draining && space.shortage == nil
        let reports = ledger.takeReports(progressInterval: interval.seconds)
        let idle = ledger.isIdle
        metrics.heartbeat()
        let reply: HeartbeatReply
        do {
            reply = try await connection.call(
                HeartbeatRequest(
                    tracker: configuration.trackerID,
                    freeSlots: configuration.slots - ledger.runningCount,
                    acceptsTasks: accepting,
                    reports: reports,
                    logs: outbox.take(),
                    freeBytes: space.freeBytes,
                    refusal: draining ? "" : space.shortage ?? ""
                ),
                expecting: HeartbeatReply.self,
                timeout: interval + .seconds(30)
            )
        } catch {
            ledger.restore(reports)
            throw error
        }
        if reply.reregister {
            try await register(on: connection)
            ledger.restore(reports)
            return accepting
        }
        if draining, idle { released.withLock { $0 = !reply.mapOutputsNeeded } }
        for attempt in reply.killAttempts { children.kill(attempt) }
        for job in reply.finishedJobs { children.kill(job: job) }
        for assignment in reply.assignments { launch(assignment, over: connection) }
        for job in ledger.retire(reply.finishedJobs) { await cleanUp(job) }
        return accepting
    }

    private func launch(_ assignment: TaskAssignment, over connection: WireConnection) {
        ledger.started(assignment.attempt, epoch: assignment.epoch)
        released.withLock { $0 = false }
        metrics.running(ledger.runningCount)
        logger.info("attempt started", metadata: ["attempt": "\(assignment.attempt)"])
        Task {
            let started = ContinuousClock.now
            var report: AttemptReport
            do {
                report = try await AttemptRunner(tracker: self, assignment: assignment, jobTracker: connection).run()
                logger.info("attempt succeeded", metadata: ["attempt": "\(assignment.attempt)"])
            } catch  where children.isHandingBack {
                logger.info("attempt handed back", metadata: ["attempt": "\(assignment.attempt)"])
                report = AttemptReport(
                    attempt: assignment.attempt,
                    state: .killed,
                    records: 0,
                    counters: Counters(),
                    failure: "handed back by a tracker leaving the cluster",
                    segments: []
                )
            } catch {
                logger.warning("attempt failed", metadata: ["attempt": "\(assignment.attempt)", "error": "\(error)"])
                report = AttemptReport(
                    attempt: assignment.attempt,
                    state: .failed,
                    records: 0,
                    counters: Counters(),
                    failure: "\(error)",
                    segments: [],
                    logTail: (error as? ChildTaskFailure)?.logTail ?? [],
                    binaryProblem: error as? BinaryProblem
                )
            }
            report.epoch = assignment.epoch
            ledger.finished(report)
            metrics.running(ledger.runningCount)
            if report.state != .killed {
                metrics.attemptFinished(
                    assignment.attempt,
                    succeeded: report.state == .succeeded,
                    seconds: (ContinuousClock.now - started).seconds
                )
            }
            _ = try? await heartbeat(on: connection)
        }
    }

    /// Where an attempt's standard error is kept; logs outlive the job's other files.
    func logPath(of attempt: AttemptID) -> String {
        Self.logPath(of: attempt, in: configuration.workDirectory)
    }

    /// Where an attempt's standard error is kept under a tracker's work directory.
    static func logPath(of attempt: AttemptID, in workDirectory: String) -> String {
        "\(workDirectory)/logs/\(attempt.task.job)/\(attempt).log"
    }

    /// The directory of a job's files on this tracker.
    func jobDirectory(_ job: JobID) -> String {
        "\(configuration.workDirectory)/\(job)"
    }

    private func cleanUp(_ job: JobID) async {
        registry.removeJob(job)
        await inputs.removeJob(job)
        await runners.release(job)
        try? FileManager.default.removeItem(atPath: jobDirectory(job))
        logger.debug("job files removed", metadata: ["job": "\(job)"])
    }
}
