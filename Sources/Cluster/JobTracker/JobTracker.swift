import Foundation
import Logging
import MapReduce
import MapReduceEngine

/// The JobTracker's state and file operations, serialized in one actor.
///
/// ``JobTrackerServer`` turns protocol messages into calls of this actor; the rules themselves
/// are in ``JobTrackerState``.
public actor JobTracker {
    let configuration: JobTrackerConfiguration
    let logger: Logger
    /// The newest log lines of the JobTracker, its trackers and failed attempts.
    public nonisolated let logs: LogRing
    private(set) var state: JobTrackerState
    private let metrics: JobTrackerMetrics
    private let history: JobHistory
    private var pastReports: [JobReport]
    private var planners: [JobID: JobPlanner] = [:]
    private var committers: [JobID: JobOutputCommitter] = [:]
    /// The probe in each job's current output staging directory, for trackers that may write there.
    private var outputProbes: [JobID: FileSystemProbe] = [:]
    private let stamp: String
    /// The last job sequence number used with `stamp`, continued from the history so that a
    /// JobTracker restarted within the same second issues new ids.
    private var sequence: Int
    /// Bumped whenever there may be new work or new map outputs, waking the requests held for it.
    private(set) var generation = 0 {
        didSet { waiters.wakeAll() }
    }
    private var waiters = ChangeWaiters()

    /// Creates a JobTracker over its data directory, loading the history of finished jobs.
    public init(configuration: JobTrackerConfiguration, logger: Logger) throws {
        self.configuration = configuration
        let logs = LogRing(capacity: JobTracker.logCapacity)
        self.logs = logs
        self.logger = logger.forwarding(source: "jobtracker", to: logs.append)
        metrics = JobTrackerMetrics(factory: configuration.metricsFactory)
        state = JobTrackerState(settings: configuration.settings)
        try FileManager.default.createDirectory(atPath: configuration.dataDirectory + "/jobs", withIntermediateDirectories: true)
        let history = try JobHistory(dataDirectory: configuration.dataDirectory)
        history.failInterruptedJobs()
        let past = history.load()
        let stamp = JobID.clusterStamp()
        self.history = history
        pastReports = past
        self.stamp = stamp
        sequence = past.filter { $0.job.cluster == stamp }.map(\.job.sequence).max() ?? 0
    }

    // MARK: Clients

    /// How many log lines ``logs`` keeps.
    public static let logCapacity = 5000

    /// Accepts a job, plans its first phase and returns its id.
    public func submit(_ submission: SubmitJobRequest) throws -> JobID {
        sequence += 1
        let id = JobID(cluster: stamp, sequence: sequence)
        var request = submission
        if request.outputPath.isEmpty { request.outputPath = configuration.dataDirectory + "/outputs/\(id)" }
        let planner = try JobPlanner(request: request, reduceDefault: max(2, totalSlots))
        let committer = JobOutputCommitter(outputPath: request.outputPath, job: id, replacesExisting: request.replacesOutput)
        try committer.prepare()
        let first: PhaseRecord
        do {
            first = try plannedPhase(0, of: id, planner: planner, broadcast: [])
            if planner.phases.count > 1 {
                committer.abort()
                let phaseOne = try phaseCommitter(0, of: id)
                try phaseOne.prepare()
                try use(phaseOne, for: id)
            } else {
                try use(committer, for: id)
            }
        } catch {
            committer.abort()
            throw error
        }
        state.add(
            JobRecord(id: id, request: request, phaseNames: planner.phases.map(\.name), phase: first, submittedAt: Date()))
        planners[id] = planner
        metrics.jobSubmitted()
        metrics.refresh(from: state)
        if let report = state.report(id, now: Date()) { history.started(report) }
        generation += 1
        logger.info("job submitted", metadata: ["job": "\(id)", "name": "\(request.job)", "maps": "\(state.jobs[id]!.phase.maps.count)"])
        return id
    }

    /// The report of a job, running or finished.
    public func report(_ job: JobID) throws -> JobReport {
        if let report = state.report(job, now: Date()) { return report }
        if let report = pastReports.first(where: { $0.job == job }) { return report }
        throw InputError(path: "\(job)", problem: "no such job on this JobTracker")
    }

    /// The report of a job; while it runs, holds the answer until it ends or `deadline` passes.
    func report(_ job: JobID, holdingUntil deadline: ContinuousClock.Instant) async throws -> JobReport {
        while true {
            let seen = generation
            let current = try report(job)
            if current.state.isFinal || ContinuousClock.now >= deadline { return current }
            await waitForChange(from: seen, until: deadline)
        }
    }

    /// Every job's report, oldest first.
    public func reports() -> [JobReport] {
        let now = Date()
        let current = state.jobOrder.compactMap { state.report($0, now: now) }
        let known = Set(current.map(\.job))
        return pastReports.filter { !known.contains($0.job) } + current
    }

    /// Stops a running job and removes its partial output.
    public func kill(_ job: JobID) throws -> JobReport {
        _ = try report(job)
        end(job, as: .killed, failure: "killed by request")
        return try report(job)
    }

    /// The job's output directory once it has succeeded.
    func outputDirectory(of job: JobID) throws -> String {
        let report = try report(job)
        guard report.state == .succeeded else {
            throw InputError(path: "\(job)", problem: "job \(report.state.rawValue); it has no output")
        }
        return report.outputPath
    }

    /// The attempts of a job, or of one of its tasks.
    func attempts(_ request: AttemptListRequest) throws -> [AttemptSummary] {
        _ = try report(request.job)
        var task: TaskID?
        if !request.task.isEmpty {
            guard let parsed = TaskID(request.task), parsed.job == request.job else {
                throw InputError(path: request.task, problem: "not a task of \(request.job)")
            }
            task = parsed
        }
        return state.attempts(of: request.job, task: task)
    }

    /// The shuffle address of the tracker that ran `attempt`.
    func trackerAddress(of attempt: AttemptID) throws -> (host: String, port: Int) {
        guard let summary = state.attempts(of: attempt.task.job, task: attempt.task).first(where: { $0.attempt == attempt })
        else { throw InputError(path: "\(attempt)", problem: "no such attempt on this JobTracker") }
        guard let tracker = state.trackers[summary.tracker] else {
            throw InputError(path: "\(attempt)", problem: "its tracker \(summary.tracker) has left the cluster, with its logs")
        }
        return (tracker.host, tracker.shufflePort)
    }

    /// Whether `path` is an input file of `job`, which trackers may fetch.
    func isInput(_ path: String, of job: JobID) -> Bool {
        planners[job]?.files.contains { $0.path == path } ?? false
    }

    // MARK: Trackers

    /// Registers a tracker.
    func register(_ request: RegisterTrackerRequest) {
        state.register(
            TrackerRecord(
                id: request.tracker, host: request.host, shufflePort: request.shufflePort, slots: max(1, request.slots),
                lastHeartbeat: Date(), probe: request.probe))
        metrics.refresh(from: state)
        generation += 1
        logger.info("tracker registered", metadata: ["tracker": "\(request.tracker)", "shuffle": "\(request.host):\(request.shufflePort)", "slots": "\(request.slots)"])
    }

    /// Forgets a tracker that leaves on purpose.
    func deregister(_ tracker: String) {
        state.loseTracker(tracker, reason: "deregistered")
        metrics.refresh(from: state)
        generation += 1
        logger.info("tracker deregistered", metadata: ["tracker": "\(tracker)"])
    }

    /// Handles a heartbeat: applies its reports, then hands out work.
    func heartbeat(_ request: HeartbeatRequest) -> HeartbeatReply {
        let now = Date()
        metrics.heartbeat()
        guard state.heard(from: request.tracker, acceptsTasks: request.acceptsTasks, at: now) else {
            return HeartbeatReply(assignments: [], killAttempts: [], finishedJobs: [], reregister: true, mapOutputsNeeded: false)
        }
        logs.append(contentsOf: request.logs)
        for report in request.reports { apply(report, from: request.tracker, at: now) }
        let assignments = state.assign(to: request.tracker, at: now).map { assignment in
            let isReduce = assignment.attempt.task.kind == .reduce
            return TaskAssignment(
                attempt: assignment.attempt, jobName: state.jobs[assignment.job]!.request.job,
                parameters: state.jobs[assignment.job]!.request.parameters, splits: assignment.splits,
                reduceCount: assignment.reduceCount, bufferLimit: state.jobs[assignment.job]!.request.mapBufferSize,
                broadcast: assignment.broadcast,
                outputDirectory: isReduce ? committers[assignment.job]?.attemptPath(assignment.attempt) ?? "" : "",
                outputProbe: isReduce ? outputProbes[assignment.job] : nil)
        }
        for assignment in assignments {
            logger.debug("task assigned", metadata: ["attempt": "\(assignment.attempt)", "tracker": "\(request.tracker)"])
        }
        let finished = state.jobOrder.filter { state.jobs[$0]!.state.isFinal }
        return HeartbeatReply(
            assignments: assignments, killAttempts: state.takeKills(for: request.tracker), finishedJobs: finished,
            reregister: false, mapOutputsNeeded: state.mapOutputsNeeded(on: request.tracker))
    }

    /// Map outputs a reduce of `job` can fetch beyond those it has; while there are none, holds
    /// the answer until a map finishes or `deadline` passes, so a reduce need not poll.
    func completions(_ request: MapCompletionsRequest, holdingUntil deadline: ContinuousClock.Instant) async -> MapCompletionsReply {
        for map in request.unreachable {
            if state.fetchFailed(map, reportedBy: request.reduce) {
                logger.warning("map output lost; running the map again", metadata: ["map": "\(map)", "reported-by": "\(request.reduce)"])
                generation += 1
            }
        }
        while true {
            let seen = generation
            let result = state.completions(of: request.job, phase: request.phase, from: request.from)
            if !result.locations.isEmpty || !result.failure.isEmpty || ContinuousClock.now >= deadline {
                return MapCompletionsReply(locations: result.locations, mapCount: result.mapCount, failure: result.failure)
            }
            await waitForChange(from: seen, until: deadline)
        }
    }

    /// Returns once ``generation`` differs from `seen`, or when `deadline` passes.
    func waitForChange(from seen: Int, until deadline: ContinuousClock.Instant) async {
        guard generation == seen, ContinuousClock.now < deadline else { return }
        let id = waiters.reserveID()
        let timer = Task { [weak self] in
            try? await Task.sleep(until: deadline)
            await self?.wakeWaiter(id)
        }
        await withCheckedContinuation { waiters.add($0, id: id) }
        timer.cancel()
    }

    private func wakeWaiter(_ id: Int) {
        waiters.wake(id)
    }

    /// The directory a reduce attempt uploads its output files into, if it may still commit.
    func uploadDirectory(for attempt: AttemptID) throws -> String {
        guard state.mayCommit(attempt), let committer = committers[attempt.task.job] else {
            throw InputError(path: "\(attempt)", problem: "attempt may not commit output")
        }
        return try committer.attemptDirectory(attempt)
    }

    /// Drops trackers that have been silent too long and re-runs their work, fails attempts
    /// that stopped making progress, and updates the gauges (this runs twice a second).
    func expireTrackers() {
        for (job, failure) in state.failStalledAttempts(at: Date()) { end(job, as: .failed, failure: failure) }
        for attempt in state.preemptReducesForStarvedMaps() {
            logger.info("reduce preempted so that maps can run", metadata: ["attempt": "\(attempt)"])
            generation += 1
        }
        let lost = state.expireTrackers(at: Date())
        metrics.trackersLost(lost.count)
        for tracker in lost { logger.warning("tracker lost", metadata: ["tracker": "\(tracker)"]) }
        if !lost.isEmpty { generation += 1 }
        metrics.refresh(from: state)
    }

    private var totalSlots: Int { state.trackers.values.reduce(0) { $0 + $1.slots } }

    /// How many trackers are registered.
    var trackerCount: Int { state.trackers.count }

    // MARK: Attempt outcomes

    private func apply(_ report: AttemptReport, from tracker: String, at now: Date) {
        let attempt = report.attempt
        let job = attempt.task.job
        switch report.state {
        case .running:
            state.progress(attempt, records: report.records, at: now)
        case .failed:
            logger.warning("attempt failed", metadata: ["attempt": "\(attempt)", "tracker": "\(tracker)", "error": "\(report.failure)"])
            committers[job]?.abortTask(attempt)
            logs.append(
                contentsOf: report.logTail.map {
                    LogRecord(time: now.timeIntervalSince1970, level: "error", source: "\(attempt)", job: "\(job)", message: $0)
                })
            metrics.attemptFinished(attempt, succeeded: false, after: nil)
            if let failure = state.failed(attempt, error: report.failure, log: report.logTail, at: now) {
                end(job, as: .failed, failure: failure, log: report.logTail)
            }
            generation += 1
        case .succeeded:
            succeed(report, from: tracker, at: now)
        case .killed:
            committers[job]?.abortTask(attempt)
            if state.handedBack(attempt, at: now) {
                logger.info("attempt handed back; it runs again elsewhere", metadata: ["attempt": "\(attempt)", "tracker": "\(tracker)"])
                generation += 1
            }
        }
    }

    private func succeed(_ report: AttemptReport, from tracker: String, at now: Date) {
        let attempt = report.attempt
        let job = attempt.task.job
        guard state.mayCommit(attempt) else {
            committers[job]?.abortTask(attempt)
            return
        }
        var location: MapOutputLocation?
        if attempt.task.kind == .map, let record = state.trackers[tracker] {
            location = MapOutputLocation(
                mapIndex: attempt.task.index, attempt: attempt, host: record.host, port: record.shufflePort,
                segments: report.segments, path: report.outputPath, probe: record.probe)
        } else if attempt.task.kind == .reduce {
            do {
                state.addOutput(bytes: try committers[job]?.commitTask(attempt) ?? 0, to: attempt)
            } catch {
                end(job, as: .failed, failure: "\(attempt.task): cannot commit output: \(error)")
                return
            }
        }
        generation += 1
        let started = state.jobs[job]?.phase[attempt.task].attempts.first { $0.id == attempt }?.startedAt
        metrics.attemptFinished(attempt, succeeded: true, after: started.map { now.timeIntervalSince($0) })
        let phaseComplete = state.succeeded(attempt, counters: report.counters, location: location, at: now)
        if phaseComplete { finishPhase(of: job) }
    }

    // MARK: Phases and job ends

    private func finishPhase(of job: JobID) {
        guard let planner = planners[job], let record = state.jobs[job], let committer = committers[job] else { return }
        let finished = record.phase.index
        do {
            try committer.commitJob()
            if finished == planner.phases.count - 1 {
                end(job, as: .succeeded)
                return
            }
            let broadcast = try BroadcastLoader.load(
                directory: committer.outputPath, limit: 64 << 20, phase: planner.phases[finished].name)
            let next = try plannedPhase(finished + 1, of: job, planner: planner, broadcast: broadcast.encoded)
            let isLast = finished + 1 == planner.phases.count - 1
            let nextCommitter =
                isLast
                ? JobOutputCommitter(
                    outputPath: planner.request.outputPath, job: job, replacesExisting: planner.request.replacesOutput)
                : try phaseCommitter(finished + 1, of: job)
            try nextCommitter.prepare()
            try use(nextCommitter, for: job)
            state.startPhase(next, of: job)
            logger.info("phase started", metadata: ["job": "\(job)", "phase": "\(next.name)", "maps": "\(next.maps.count)"])
        } catch {
            end(job, as: .failed, failure: "phase \(finished + 2): \(error)")
        }
    }

    private func end(_ job: JobID, as outcome: JobRunState, failure: String = "", log: [String] = []) {
        state.finish(job, as: outcome, failure: failure, log: log, at: Date())
        metrics.jobFinished(as: outcome)
        metrics.refresh(from: state)
        if outcome != .succeeded { committers[job]?.abort() }
        committers[job] = nil
        outputProbes[job] = nil
        planners[job] = nil
        try? FileManager.default.removeItem(atPath: jobDirectory(job))
        generation += 1
        if let report = state.report(job, now: Date()) {
            history.record(report)
            logger.info(
                "job finished",
                metadata: ["job": "\(job)", "state": "\(outcome.rawValue)", "failure": "\(failure)", "seconds": "\(report.elapsedSeconds)"])
        }
    }

    /// Makes `committer`, prepared, the one of `job`'s current phase, with a probe in its staging
    /// directory for trackers that share the file system.
    private func use(_ committer: JobOutputCommitter, for job: JobID) throws {
        outputProbes[job] = try FileSystemProbe.write(in: committer.temporaryPath)
        committers[job] = committer
    }

    private func plannedPhase(_ index: Int, of job: JobID, planner: JobPlanner, broadcast: [UInt8]) throws -> PhaseRecord {
        PhaseRecord(
            index: index, name: planner.phases[index].name, job: job,
            splits: try planner.splits(ofPhase: index, slots: max(1, totalSlots)),
            reduceCount: planner.reduceCount(ofPhase: index), broadcast: broadcast)
    }

    private func phaseCommitter(_ index: Int, of job: JobID) throws -> JobOutputCommitter {
        JobOutputCommitter(outputPath: jobDirectory(job) + "/phase-\(index + 1)", job: job, replacesExisting: true)
    }

    private func jobDirectory(_ job: JobID) -> String {
        configuration.dataDirectory + "/jobs/\(job)"
    }
}
