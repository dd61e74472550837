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
    /// Log lines waiting for the next heartbeat.
    let outbox: LogOutbox
    let metrics: TaskTrackerMetrics
    private let shuffle: ShuffleServer
    private let stopping = Mutex(false)
    private let registered = Mutex(false)
    private let heartbeatInterval = Mutex(Duration.seconds(1))

    /// The bound shuffle port.
    public var shufflePort: Int { shuffle.port }

    /// Binds the shuffle server; call ``run()`` to join the cluster.
    public static func start(_ configuration: TaskTrackerConfiguration, logger: Logger) async throws -> TaskTracker {
        try FileManager.default.createDirectory(atPath: configuration.workDirectory, withIntermediateDirectories: true)
        let registry = MapOutputRegistry()
        let metrics = TaskTrackerMetrics(factory: configuration.metricsFactory)
        let shuffle = try await ShuffleServer.bind(
            host: configuration.host, port: configuration.shufflePort, secret: configuration.secret,
            nodeID: configuration.trackerID, registry: registry, workDirectory: configuration.workDirectory,
            metrics: metrics, logger: logger)
        return TaskTracker(configuration: configuration, logger: logger, registry: registry, shuffle: shuffle, metrics: metrics)
    }

    private init(
        configuration: TaskTrackerConfiguration, logger: Logger, registry: MapOutputRegistry, shuffle: ShuffleServer,
        metrics: TaskTrackerMetrics
    ) {
        self.configuration = configuration
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

    /// Leaves the cluster: tells the JobTracker, closes the shuffle server and ends ``run()``.
    public func stop() async {
        stopping.withLock { $0 = true }
        children.killAll()
        let client = jobTrackerClient()
        _ = try? await client.withConnection { connection in
            try await connection.call(
                DeregisterTrackerRequest(tracker: configuration.trackerID), expecting: DeregisterTrackerReply.self,
                timeout: .seconds(2))
        }
        await shuffle.close()
    }

    private var isStopping: Bool { stopping.withLock { $0 } }

    /// Why the tracker should not be sent work now, or nil when it is registered and taking tasks.
    public var notReadyReason: String? {
        if isStopping { return "stopping" }
        return registered.withLock { $0 } ? nil : "not registered with the JobTracker"
    }

    private func jobTrackerClient() -> WireClient {
        WireClient(
            WireClient.Configuration(
                host: configuration.jobTrackerHost, port: configuration.jobTrackerPort, secret: configuration.secret,
                role: .tracker, nodeID: configuration.trackerID, requestTimeout: .seconds(60)))
    }

    private func heartbeatLoop() async {
        var backoff = Duration.milliseconds(100)
        while !isStopping {
            do {
                let connection = try await jobTrackerClient().connect()
                backoff = .milliseconds(100)
                try await register(on: connection)
                while !isStopping {
                    try await heartbeat(on: connection)
                }
                await connection.close()
            } catch {
                registered.withLock { $0 = false }
                if isStopping { break }
                logger.warning("JobTracker unreachable; retrying", metadata: ["error": "\(error)", "in": "\(backoff)"])
                try? await Task.sleep(for: backoff)
                backoff = min(backoff * 2, .seconds(5))
            }
        }
    }

    private func register(on connection: WireConnection) async throws {
        let reply = try await connection.call(
            RegisterTrackerRequest(
                tracker: configuration.trackerID, host: configuration.advertiseHost, shufflePort: shufflePort,
                slots: configuration.slots),
            expecting: RegisterTrackerReply.self)
        heartbeatInterval.withLock { $0 = .milliseconds(max(10, reply.heartbeatMilliseconds)) }
        registered.withLock { $0 = true }
        logger.info("registered with the JobTracker", metadata: ["jobtracker": "\(configuration.jobTrackerHost):\(configuration.jobTrackerPort)"])
    }

    /// Sends one heartbeat with whatever there is to report and acts on the reply.
    func heartbeat(on connection: WireConnection) async throws {
        let interval = heartbeatInterval.withLock { $0 }
        let reports = ledger.takeReports(progressInterval: interval.seconds)
        metrics.heartbeat()
        let reply: HeartbeatReply
        do {
            reply = try await connection.call(
                HeartbeatRequest(
                    tracker: configuration.trackerID, freeSlots: configuration.slots - ledger.runningCount,
                    acceptsTasks: !isStopping, reports: reports, logs: outbox.take()),
                expecting: HeartbeatReply.self, timeout: interval + .seconds(30))
        } catch {
            ledger.restore(reports)
            throw error
        }
        if reply.reregister {
            try await register(on: connection)
            ledger.restore(reports)
            return
        }
        for attempt in reply.killAttempts { children.kill(attempt) }
        for job in reply.finishedJobs { children.kill(job: job) }
        for assignment in reply.assignments { launch(assignment, over: connection) }
        for job in ledger.retire(reply.finishedJobs) { await cleanUp(job) }
    }

    private func launch(_ assignment: TaskAssignment, over connection: WireConnection) {
        ledger.started(assignment.attempt)
        metrics.running(ledger.runningCount)
        logger.info("attempt started", metadata: ["attempt": "\(assignment.attempt)"])
        Task {
            let started = ContinuousClock.now
            let report: AttemptReport
            do {
                report = try await AttemptRunner(tracker: self, assignment: assignment, jobTracker: connection).run()
                logger.info("attempt succeeded", metadata: ["attempt": "\(assignment.attempt)"])
            } catch {
                logger.warning("attempt failed", metadata: ["attempt": "\(assignment.attempt)", "error": "\(error)"])
                report = AttemptReport(
                    attempt: assignment.attempt, state: .failed, records: 0, counters: Counters(), failure: "\(error)",
                    segments: [], logTail: (error as? ChildTaskFailure)?.logTail ?? [])
            }
            ledger.finished(report)
            metrics.running(ledger.runningCount)
            metrics.attemptFinished(
                assignment.attempt, succeeded: report.state == .succeeded, seconds: (ContinuousClock.now - started).seconds)
            try? await heartbeat(on: connection)
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
        try? FileManager.default.removeItem(atPath: jobDirectory(job))
        logger.debug("job files removed", metadata: ["job": "\(job)"])
    }
}
