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
    var state: JobTrackerState
    /// The JobTracker's metrics; its server records how long heartbeats take to serve.
    nonisolated let metrics: JobTrackerMetrics

    /// Histogram buckets, by metric label, for the JobTracker's timers that a metrics backend's
    /// default buckets do not fit.
    public static let histogramBuckets = [
        JobTrackerMetrics.heartbeatServiceLabel: JobTrackerMetrics.heartbeatServiceBuckets,
        JobTrackerMetrics.journalSyncLabel: JobTrackerMetrics.heartbeatServiceBuckets,
    ]
    private let history: JobHistory
    /// Jobs finished under earlier JobTracker processes, from the history.
    let pastReports: [JobReport]
    /// Each running job's plan, once known (a setup task makes it for jobs submitted without one).
    var plans: [JobID: JobPlan] = [:]
    /// Each running job's input files, which trackers may fetch.
    var inputs: [JobID: Set<String>] = [:]
    /// Binaries clients shipped, and files jobs hand their attempts.
    let jobFiles: JobFileStore
    var committers: [JobID: JobOutputCommitter] = [:]
    /// The probe in each job's current output staging directory, for trackers that may write there.
    private var outputProbes: [JobID: FileSystemProbe] = [:]
    private let stamp: String
    /// The last job sequence number used with `stamp`, continued from the history so that a
    /// JobTracker restarted within the same second issues new ids.
    private var sequence: Int
    /// The requests held until there is news of their topics.
    private var waiters = ChangeWaiters()
    /// When each reduce asking for map completions may be answered again.
    private var completionPacer: MapCompletionPacer
    /// The timer that ends held requests at their deadlines, when it fires, and its number.
    private var deadlineTimer: (fireAt: ContinuousClock.Instant, number: Int, task: Task<Void, Never>)?
    /// How many deadline timers were started: a replaced timer that fires anyway (it had slept
    /// its time before it was cancelled, and waited for the actor) knows by its number that it
    /// is no longer the timer.
    private(set) var deadlineTimersStarted = 0
    /// How long after a held request's deadline the timer may fire, to end those close behind
    /// it in the same wake-up.
    static let deadlineSlack = Duration.milliseconds(5)
    /// Heartbeats waiting for the journal to hold the records up to `upTo`.
    var journalWaiters: [(upTo: Int, continuation: CheckedContinuation<Void, any Error>)] = []
    /// Whether a task is handing the journal's batches to its writer.
    var journalWriting = false
    /// Whether the next batch of a wake-up for work is scheduled.
    private var workWakeScheduled = false
    /// Jobs whose held requests wake at the end of the current ``progressBatching`` window.
    private var batchedJobs: Set<JobID> = []
    /// How long a task's success may wait to wake the requests held for its job, so that the
    /// successes meanwhile wake them once.
    static let progressBatching = Duration.milliseconds(20)
    /// The journal of what a restarted JobTracker needs to resume running jobs; nil when it does not recover.
    let journal: Journal?
    /// Why the journal could not be written, once that happened: new submissions are refused.
    var journalFailure: String?
    /// This JobTracker process's epoch (0 without a journal): assignments carry it, and reports
    /// of another epoch, about attempts an earlier process started, are not applied.
    let epoch: UInt64
    /// When the maps of resumed jobs whose outputs no registering tracker claimed run again.
    var adoptionDeadline: Date?

    /// Creates a JobTracker over its data directory, loading the history of finished jobs.
    public init(configuration: JobTrackerConfiguration, logger: Logger) throws {
        self.configuration = configuration
        let logs = LogRing(capacity: JobTracker.logCapacity)
        self.logs = logs
        self.logger = logger.forwarding(source: "jobtracker", to: logs.append)
        metrics = JobTrackerMetrics(factory: configuration.metricsFactory)
        state = JobTrackerState(settings: configuration.settings)
        completionPacer = MapCompletionPacer(answersPerSecond: configuration.settings.mapCompletionAnswersPerSecond)
        jobFiles = try JobFileStore(
            dataDirectory: configuration.dataDirectory,
            settings: configuration.jobFiles,
            metrics: JobFileStoreMetrics(factory: configuration.metricsFactory)
        )
        try FileManager.default.createDirectory(
            atPath: configuration.dataDirectory + "/jobs",
            withIntermediateDirectories: true
        )
        let history = try JobHistory(dataDirectory: configuration.dataDirectory)
        let journalDirectory = configuration.dataDirectory + "/journal"
        if configuration.recovers {
            let journal = try Journal(directory: journalDirectory)
            self.journal = journal
            epoch = journal.epoch
        } else {
            journal = nil
            epoch = 0
            try? FileManager.default.removeItem(atPath: journalDirectory)
        }
        let resumed = journal?.state.order ?? []
        history.failInterruptedJobs(except: Set(resumed))
        let past = history.load()
        let stamp = JobID.clusterStamp()
        self.history = history
        pastReports = past
        self.stamp = stamp
        sequence = (past.map(\.job) + resumed).filter { $0.cluster == stamp }.map(\.sequence).max() ?? 0
    }

    // MARK: Clients

    /// How many log lines ``logs`` keeps.
    public static let logCapacity = 5000

    /// Accepts a job and returns its id: with its client's plan it starts its first phase, and
    /// without one a setup task that plans it on a tracker.
    public func submit(_ submission: SubmitJobRequest) async throws -> JobID {
        if journalFailure != nil { try? flushJournal() }
        if let journalFailure {
            throw InputError(path: "journal", problem: "the JobTracker takes no new jobs: \(journalFailure)")
        }
        var request = submission
        try configuration.settings.limits.check(request)
        try checkPaths(request)
        try checkInstalled(request)
        _ = try TaskEnvironment(declaration: request.parameters[TaskEnvironment.parameter])
        _ = try JobWeight.check(request.parameters)
        if !request.outputPath.isEmpty {
            try OutputPlacement.check(
                output: request.outputPath,
                inputs: request.inputs + (request.plan?.inputPaths ?? [])
            )
        }
        let files =
            request.plan == nil && !request.inputs.isEmpty
            ? try InputPaths.expand(request.inputs, excluding: [request.outputPath]) : []
        sequence += 1
        let id = JobID(cluster: stamp, sequence: sequence)
        if request.outputPath.isEmpty { request.outputPath = configuration.dataDirectory + "/outputs/\(id)" }
        if case .stored(let binary) = request.binary { try await jobFiles.retain(binary.sha256, for: id) }
        do {
            for file in try ShippedFiles.decode(request.parameters) { try await jobFiles.retain(file.sha256, for: id) }
            let record: JobRecord
            if let plan = request.plan {
                let first = try start(plan, of: id, request: request)
                record = JobRecord(
                    id: id,
                    request: request,
                    phaseNames: plan.phases.map(\.name),
                    phase: first,
                    submittedAt: Date()
                )
            } else {
                inputs[id] = Set(files.map(\.path))
                record = JobRecord(
                    id: id,
                    request: request,
                    phaseNames: ["setup"],
                    phase: .setup(of: id, inputs: files),
                    submittedAt: Date()
                )
            }
            journal?.append(
                .submitted(
                    job: id,
                    request: request,
                    submittedAt: record.submittedAt,
                    inputs: (inputs[id] ?? []).sorted(),
                    setupInputs: request.plan == nil ? files : []
                )
            )
            try await syncJournal()
            state.add(record)
        } catch {
            journal?.append(.ended(job: id, state: .failed, failure: "\(error)"))
            committers.removeValue(forKey: id)?.abort()
            (plans[id], inputs[id], outputProbes[id]) = (nil, nil, nil)
            await jobFiles.release(id)
            throw error
        }
        metrics.jobSubmitted()
        metrics.refresh(from: state)
        if let report = state.report(id, now: Date()) { history.started(report) }
        notify(.work, .job(id))
        logger.info(
            "job submitted",
            metadata: [
                "job": "\(id)", "name": "\(request.job)", "binary": "\(request.binary)",
                "maps": "\(request.plan == nil ? "setup task" : "\(state.jobs[id]!.phase.maps.count)")",
            ]
        )
        return id
    }

    /// Refuses inputs and an output outside the allowed paths.
    private func checkPaths(_ request: SubmitJobRequest) throws {
        for input in request.inputs + (request.plan?.inputPaths ?? []) {
            try configuration.allowedPaths.check(input, as: "input")
        }
        if !request.outputPath.isEmpty { try configuration.allowedPaths.check(request.outputPath, as: "output") }
    }

    /// Refuses a built-in job the trackers' installed binaries do not have, naming the side that lacks it.
    private func checkInstalled(_ request: SubmitJobRequest) throws {
        guard request.binary == .installed, !state.trackers.isEmpty else { return }
        let installed = state.installedJobs
        guard !installed.contains(where: { $0.name == request.job }) else { return }
        let names = installed.map(\.name).joined(separator: ", ")
        throw InputError(
            path: request.job,
            problem:
                "the trackers' installed job binary (mrtask) has no such job, though the submitting client has it: the cluster runs another build of the built-in jobs (its trackers have: \(names.isEmpty ? "none" : names))"
        )
    }

    /// Takes `plan` as the job's, prepares the output of its first phase and returns that phase.
    private func start(_ plan: JobPlan, of id: JobID, request: SubmitJobRequest) throws -> PhaseRecord {
        guard !plan.phases.isEmpty else { throw InputError(path: request.job, problem: "the job's plan has no phases") }
        let first = plannedPhase(0, of: id, plan: plan, broadcast: [])
        let committer = JobOutputCommitter(
            outputPath: request.outputPath,
            job: id,
            replacesExisting: request.replacesOutput
        )
        try committer.prepare()
        do {
            if plan.phases.count > 1 {
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
        plans[id] = plan
        inputs[id, default: []].formUnion(plan.inputPaths)
        return first
    }

    /// The report of a job, running or finished.
    public func report(_ job: JobID) throws -> JobReport {
        try view().report(job)
    }

    /// The report of a job; while it runs, holds the answer until it ends or `deadline` passes.
    func report(_ job: JobID, holdingUntil deadline: ContinuousClock.Instant) async throws -> JobReport {
        while true {
            let current = try report(job)
            if current.state.isFinal || ContinuousClock.now >= deadline { return current }
            await wait(for: [.job(job)], until: deadline)
        }
    }

    /// Every job's report, oldest first.
    public func reports() -> [JobReport] {
        view().reports()
    }

    /// Stops a running job and removes its partial output.
    public func kill(_ job: JobID) async throws -> JobReport {
        _ = try report(job)
        end(job, as: .killed, failure: "killed by request")
        try await syncJournal()
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
        guard
            let summary = state.attempts(of: attempt.task.job, task: attempt.task).first(where: {
                $0.attempt == attempt
            })
        else { throw InputError(path: "\(attempt)", problem: "no such attempt on this JobTracker") }
        guard let tracker = state.trackers[summary.tracker] else {
            throw InputError(
                path: "\(attempt)",
                problem: "its tracker \(summary.tracker) has left the cluster, with its logs"
            )
        }
        return (tracker.host, tracker.shufflePort)
    }

    /// Whether `path` is an input file of `job`, which trackers may fetch.
    func isInput(_ path: String, of job: JobID) -> Bool {
        inputs[job]?.contains(path) ?? false
    }

    // MARK: Trackers

    /// Registers a tracker; returns the jobs it holds files of that have ended or are unknown here.
    func register(_ request: RegisterTrackerRequest) -> [JobID] {
        state.register(
            TrackerRecord(
                id: request.tracker,
                host: request.host,
                shufflePort: request.shufflePort,
                slots: max(1, request.slots),
                lastHeartbeat: Date(),
                probe: request.probe,
                installedJobs: request.installedJobs
            )
        )
        let adopted = state.adoptOutputs(request.heldOutputs, running: request.runningAttempts, of: request.tracker)
        metrics.refresh(from: state)
        notify(.trackers)
        if !adopted.isEmpty {
            logger.info(
                "map outputs of resumed jobs adopted",
                metadata: ["tracker": "\(request.tracker)", "outputs": "\(adopted.count)"]
            )
            notify(.work)
            for job in Set(adopted.map(\.task.job)) { notify(.job(job)) }
        }
        logger.info(
            "tracker registered",
            metadata: [
                "tracker": "\(request.tracker)", "shuffle": "\(request.host):\(request.shufflePort)",
                "slots": "\(request.slots)",
            ]
        )
        return request.heldJobs.filter { state.jobs[$0]?.state.isFinal ?? true }
    }

    /// Forgets a tracker that leaves on purpose.
    func deregister(_ tracker: String) {
        state.loseTracker(tracker, reason: "deregistered")
        metrics.refresh(from: state)
        notify(.work, .trackers)
        logger.info("tracker deregistered", metadata: ["tracker": "\(tracker)"])
    }

    /// Applies a heartbeat's reports and hands out work; the caller syncs the journal before the
    /// reply leaves.
    private func answer(_ request: HeartbeatRequest) -> HeartbeatReply {
        let now = Date()
        metrics.heartbeat()
        guard
            state.heard(
                from: request.tracker,
                acceptsTasks: request.acceptsTasks,
                freeBytes: request.freeBytes,
                refusal: request.refusal,
                at: now
            )
        else {
            return HeartbeatReply(
                assignments: [],
                killAttempts: [],
                finishedJobs: [],
                reregister: true,
                mapOutputsNeeded: false
            )
        }
        logs.append(contentsOf: request.logs)
        for report in request.reports { apply(report, from: request.tracker, at: now) }
        let assignments = state.assign(to: request.tracker, at: now).map { assignment in
            let kind = assignment.attempt.task.kind
            let writesOutput = kind == .reduce || (kind == .map && assignment.reduceCount == 0)
            let request = state.jobs[assignment.job]!.request
            return TaskAssignment(
                attempt: assignment.attempt,
                jobName: request.job,
                binary: request.binary,
                parameters: request.parameters,
                splits: assignment.splits,
                reduceCount: assignment.reduceCount,
                bufferLimit: request.mapBufferSize,
                broadcast: assignment.broadcast,
                outputDirectory: writesOutput
                    ? committers[assignment.job]?.attemptPath(assignment.attempt) ?? "" : "",
                outputProbe: writesOutput ? outputProbes[assignment.job] : nil,
                setup: kind == .setup
                    ? SetupSettings(
                        splitSize: request.splitSize,
                        reducers: request.reducers
                            ?? configuration.settings.defaultReducers(forSlots: max(1, state.registeredSlots)),
                        slots: max(1, state.registeredSlots)
                    )
                    : nil,
                epoch: epoch
            )
        }
        for assignment in assignments {
            logger.debug(
                "task assigned",
                metadata: ["attempt": "\(assignment.attempt)", "tracker": "\(request.tracker)"]
            )
        }
        let finished = state.recentlyFinished.map(\.job)
        return HeartbeatReply(
            assignments: assignments,
            killAttempts: state.takeKills(for: request.tracker),
            finishedJobs: finished,
            reregister: false,
            mapOutputsNeeded: state.mapOutputsNeeded(on: request.tracker)
        )
    }

    /// Map outputs a reduce of `job` can fetch beyond those it has; while there are none, holds
    /// the answer until a map finishes or `deadline` passes, so a reduce need not poll. An answer
    /// with outputs waits until the ``MapCompletionPacer`` lets that reduce have one.
    func completions(
        _ request: MapCompletionsRequest,
        holdingUntil deadline: ContinuousClock.Instant
    ) async -> MapCompletionsAnswer {
        for map in request.unreachable {
            if state.fetchFailed(map, reportedBy: request.reduce) {
                logger.warning(
                    "map output lost; running the map again",
                    metadata: ["map": "\(map)", "reported-by": "\(request.reduce)"]
                )
                notify(.work, .job(request.job))
            }
        }
        let earliest = completionPacer.earliestAnswer(to: request.reduce)
        while true {
            let result = state.completions(of: request.job, phase: request.phase, from: request.from)
            let now = ContinuousClock.now
            if !result.locations.isEmpty, let earliest, now < earliest, earliest < deadline {
                await wait(for: [], until: earliest)
                continue
            }
            if !result.locations.isEmpty || !result.failure.isEmpty || now >= deadline {
                completionPacer.answered(request.reduce, at: now)
                return MapCompletionsAnswer(
                    locations: result.locations,
                    partition: request.reduce.task.index,
                    mapCount: result.mapCount,
                    failure: result.failure
                )
            }
            await wait(for: [.job(request.job)], until: deadline)
        }
    }

    /// How many requests are held now, waiting for news.
    var heldRequests: Int { waiters.count }

    /// Returns when one of `topics` changes or `deadline` passes, whichever is first.
    ///
    /// Callers check what they wait for before calling, on the actor, so no change can slip in
    /// between the check and the wait.
    func wait(for topics: [ChangeTopic], until deadline: ContinuousClock.Instant) async {
        guard ContinuousClock.now < deadline else { return }
        await withCheckedContinuation {
            waiters.add($0, topics: topics, until: deadline)
            scheduleDeadlineTimer()
        }
    }

    /// Makes the one timer of the held requests fire at their earliest deadline (a little after,
    /// so that deadlines close together end in one wake-up), or stops it when none is held.
    ///
    /// A timer that fires within the slack of the new earliest deadline stays. Requests held one
    /// after another have deadlines one after another, and restarting the timer for each that
    /// falls within the slack of the timer's own started a timer per held request, tens of
    /// thousands a second at 5,000 trackers, and kept moving it later.
    private func scheduleDeadlineTimer() {
        guard let next = waiters.nextDeadline() else {
            deadlineTimer?.task.cancel()
            deadlineTimer = nil
            return
        }
        if let deadlineTimer, deadlineTimer.fireAt <= next + Self.deadlineSlack { return }
        deadlineTimer?.task.cancel()
        let fireAt = next + Self.deadlineSlack
        deadlineTimersStarted += 1
        let number = deadlineTimersStarted
        deadlineTimer = (
            fireAt,
            number,
            Task { [weak self] in
                guard (try? await Task.sleep(until: fireAt)) != nil else { return }
                await self?.deadlineTimerFired(number)
            }
        )
    }

    /// Ends the held requests whose deadlines have passed and sets the timer for the next one,
    /// unless timer `number` has been replaced: then the timer that replaced it does that, and a
    /// replaced timer that set another would leave two timers running, each of which would start
    /// another every time it fired.
    private func deadlineTimerFired(_ number: Int) {
        guard deadlineTimer?.number == number else { return }
        deadlineTimer = nil
        waiters.expire(at: .now)
        scheduleDeadlineTimer()
    }

    /// Wakes the requests held for `topics`, and the heartbeats of trackers with attempts to kill.
    ///
    /// Heartbeats held for work wake in batches of ``workWakeBatch``: a job submitted to a large
    /// idle cluster would otherwise resume every tracker's heartbeat at once, and the heartbeats
    /// arriving meanwhile would queue behind all of them.
    func notify(_ topics: ChangeTopic...) {
        for topic in topics {
            if topic == .work {
                wakeHeartbeatsForWork(waiters.wake(.work, atMost: Self.workWakeBatch).queued)
            } else {
                waiters.wake(topic)
            }
        }
        for tracker in state.pendingKills.keys { waiters.wake(.tracker(tracker)) }
    }

    /// How many heartbeats held for work one batch of a wake-up resumes.
    static let workWakeBatch = 64

    /// Resumes the next batch of heartbeats held for work in a job of the actor's own, queued behind
    /// the batch just resumed and the requests that arrived before it, while `queued` are left.
    private func wakeHeartbeatsForWork(_ queued: Int) {
        guard queued > 0, !workWakeScheduled else { return }
        workWakeScheduled = true
        Task {
            workWakeScheduled = false
            wakeHeartbeatsForWork(waiters.wakeQueued(.work, atMost: Self.workWakeBatch).queued)
        }
    }

    /// Waits until at least `count` trackers have registered or `deadline` passes; returns whether they have.
    func awaitTrackers(_ count: Int, until deadline: ContinuousClock.Instant) async -> Bool {
        while state.trackers.count < count, ContinuousClock.now < deadline {
            await wait(for: [.trackers], until: deadline)
        }
        return state.trackers.count >= count
    }

    /// The interval between an idle tracker's heartbeats for the cluster's size now.
    var heartbeatInterval: Duration {
        configuration.settings.heartbeatInterval(forTrackers: state.trackers.count)
    }

    /// Handles a heartbeat that arrived at `arrival` and, when it brings no news either way, holds
    /// it until there is work or an attempt of the tracker to kill, or until the heartbeat
    /// interval, less a random tenth at most, has passed since it arrived; returns the reply and
    /// how long it was held.
    func heartbeat(
        _ request: HeartbeatRequest,
        holdingFrom arrival: ContinuousClock.Instant
    ) async throws -> (reply: HeartbeatReply, held: Duration) {
        let hold = configuration.settings.heartbeatHold(forTrackers: state.trackers.count, jitter: .random(in: 0...1))
        let deadline = arrival + hold
        var reply = answer(request)
        guard request.reports.isEmpty, request.acceptsTasks else {
            try await waitForJournalIfBehind(before: reply, to: request.tracker)
            return (reply, .zero)
        }
        var idle = request
        idle.logs = []
        var held = Duration.zero
        while reply.assignments.isEmpty, reply.killAttempts.isEmpty, !reply.reregister, ContinuousClock.now < deadline {
            let started = ContinuousClock.now
            await wait(for: [.work, .tracker(request.tracker)], until: deadline)
            held += ContinuousClock.now - started
            reply = answer(idle)
        }
        try await waitForJournalIfBehind(before: reply, to: request.tracker)
        return (reply, held)
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
        if let deadline = adoptionDeadline, Date() >= deadline {
            adoptionDeadline = nil
            let abandoned = state.abandonUnadoptedOutputs()
            if !abandoned.isEmpty {
                logger.warning(
                    "map outputs of resumed jobs are on no registered tracker; running their maps again",
                    metadata: ["maps": "\(abandoned.count)"]
                )
                notify(.work)
            }
        }
        let lost = state.expireTrackers(at: Date())
        metrics.trackersLost(lost.count)
        for tracker in lost { logger.warning("tracker lost", metadata: ["tracker": "\(tracker)"]) }
        if !lost.isEmpty { notify(.work, .trackers) }
        completionPacer.forget(before: .now)
        metrics.refresh(from: state)
        writeJournal()
    }

    /// The upload staging directories a job's inputs lie in.
    private func stagingDirectories(of job: JobID) -> Set<String> {
        let root = configuration.dataDirectory + "/staging/"
        return Set(
            (inputs[job] ?? []).compactMap { path in
                guard path.hasPrefix(root), let name = path.dropFirst(root.count).split(separator: "/").first else {
                    return nil
                }
                return root + name
            }
        )
    }

    /// Removes what jobs left in the data directory: upload staging directories no running job
    /// reads and nobody wrote to for ``stagingGrace`` (an upload may be under way), and kept
    /// outputs older than the output retention.
    func collectLeftovers(now: Date = Date()) {
        let inUse = inputs.keys.flatMap(stagingDirectories)
        for (directory, age) in Self.entries(of: configuration.dataDirectory + "/staging", now: now)
        where age > Self.stagingGrace.seconds && !inUse.contains(directory) {
            try? FileManager.default.removeItem(atPath: directory)
        }
        for (directory, age) in Self.entries(of: configuration.dataDirectory + "/outputs", now: now)
        where age > configuration.outputRetention.seconds {
            try? FileManager.default.removeItem(atPath: directory)
        }
    }

    /// How long an upload staging directory no job reads is kept after its last change.
    static let stagingGrace = Duration.seconds(3600)

    /// The entries of `directory` with their ages (seconds since their last change).
    private static func entries(of directory: String, now: Date) -> [(String, TimeInterval)] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).compactMap { name in
            let path = directory + "/" + name
            guard let changed = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
            else {
                return nil
            }
            return (path, now.timeIntervalSince(changed))
        }
    }

    /// How many trackers are registered.
    var trackerCount: Int { state.trackers.count }

    // MARK: Attempt outcomes

    private func apply(_ report: AttemptReport, from tracker: String, at now: Date) {
        let attempt = report.attempt
        let job = attempt.task.job
        guard report.epoch == epoch else {
            logger.debug(
                "report of an attempt from before a JobTracker restart ignored",
                metadata: ["attempt": "\(attempt)", "epoch": "\(report.epoch)", "tracker": "\(tracker)"]
            )
            if report.state == .running { state.kill(attempt, on: tracker) }
            return
        }
        switch report.state {
        case .running:
            state.progress(attempt, records: report.records, status: report.status, at: now)
        case .failed where report.binaryProblem != nil:
            let problem = report.binaryProblem!
            logger.warning(
                "a tracker cannot run a job's binary",
                metadata: ["attempt": "\(attempt)", "problem": "\(problem)"]
            )
            if let failure = state.binaryUnusable(attempt, problem: problem, on: tracker, at: now) {
                end(job, as: .failed, failure: failure)
            }
            notify(.work, .job(job))
        case .failed:
            logger.warning(
                "attempt failed",
                metadata: ["attempt": "\(attempt)", "tracker": "\(tracker)", "error": "\(report.failure)"]
            )
            committers[job]?.abortTask(attempt)
            logs.append(
                contentsOf: report.logTail.map {
                    LogRecord(
                        time: now.timeIntervalSince1970,
                        level: "error",
                        source: "\(attempt)",
                        job: "\(job)",
                        message: $0
                    )
                }
            )
            metrics.attemptFinished(attempt, succeeded: false, after: nil)
            if let failure = state.failed(attempt, error: report.failure, log: report.logTail, at: now) {
                end(job, as: .failed, failure: failure, log: report.logTail)
            }
            notify(.work, .job(job))
        case .succeeded:
            succeed(report, from: tracker, at: now)
        case .killed:
            committers[job]?.abortTask(attempt)
            if state.handedBack(attempt, at: now) {
                logger.info(
                    "attempt handed back; it runs again elsewhere",
                    metadata: ["attempt": "\(attempt)", "tracker": "\(tracker)"]
                )
                notify(.work, .job(job))
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
        let mapOnly = attempt.task.kind == .map && state.jobs[job]?.phase.reduces.isEmpty == true
        if attempt.task.kind == .map, !mapOnly, let record = state.trackers[tracker] {
            location = MapOutputLocation(
                mapIndex: attempt.task.index,
                attempt: attempt,
                host: record.host,
                port: record.shufflePort,
                segments: report.segments,
                path: report.outputPath,
                probe: record.probe
            )
        } else if attempt.task.kind == .reduce || mapOnly {
            do {
                state.addOutput(bytes: try committers[job]?.commitTask(attempt) ?? 0, to: attempt)
            } catch {
                end(job, as: .failed, failure: "\(attempt.task): cannot commit output: \(error)")
                return
            }
        }
        let started = state.jobs[job]?.phase[attempt.task].attempts.first { $0.id == attempt }?.startedAt
        metrics.attemptFinished(attempt, succeeded: true, after: started.map { now.timeIntervalSince($0) })
        let slowstart = configuration.settings.reduceSlowstart
        let reducesMightStart = state.jobs[job]?.phase.reducesMayStart(slowstart: slowstart) ?? true
        let phaseComplete = state.succeeded(attempt, counters: report.counters, location: location, at: now)
        if attempt.task.kind != .setup {
            let bytes = state.jobs[job]?.phase[attempt.task].attempts.first { $0.id == attempt }?.outputBytes ?? 0
            journal?.append(
                .committed(attempt: attempt, counters: report.counters, location: location, outputBytes: bytes)
            )
        }
        if attempt.task.kind == .setup {
            startPlanned(job, plan: report.plan)
        } else if phaseComplete {
            finishPhase(of: job)
        }
        let reducesMayStart = state.jobs[job]?.phase.reducesMayStart(slowstart: slowstart) ?? true
        if attempt.task.kind == .setup || phaseComplete || reducesMayStart != reducesMightStart {
            notify(.work, .job(job))
        } else if let phase = state.jobs[job]?.phase, phase.mapsDone == phase.maps.count {
            notify(.job(job))
        } else {
            notifySoon(job)
        }
    }

    /// Wakes the requests held for `job` within ``progressBatching``, once for all the tasks that
    /// finish meanwhile: with many reduces waiting for map outputs and many maps finishing, a
    /// wake-up per map would make every reduce ask again for each one.
    private func notifySoon(_ job: JobID) {
        let scheduled = !batchedJobs.isEmpty
        batchedJobs.insert(job)
        guard !scheduled else { return }
        Task { [weak self] in
            try? await Task.sleep(for: Self.progressBatching)
            await self?.wakeBatchedJobs()
        }
    }

    private func wakeBatchedJobs() {
        let jobs = batchedJobs
        batchedJobs = []
        for job in jobs { notify(.job(job)) }
    }

    /// Starts the first phase of a job whose setup task made its plan.
    private func startPlanned(_ job: JobID, plan: JobPlan?) {
        guard let record = state.jobs[job], record.state == .running else { return }
        guard let plan else {
            end(job, as: .failed, failure: "the job's setup task returned no plan")
            return
        }
        do {
            try configuration.settings.limits.check(plan, of: record.request.job)
            let first = try start(plan, of: job, request: record.request)
            state.startPhase(first, of: job, phaseNames: plan.phases.map(\.name))
            journal?.append(.planned(job: job, plan: plan, counters: state.jobs[job]!.counters))
            logger.info(
                "job planned",
                metadata: ["job": "\(job)", "phases": "\(plan.phases.count)", "maps": "\(first.maps.count)"]
            )
        } catch {
            end(job, as: .failed, failure: "\(error)")
        }
    }

    // MARK: Phases and job ends

    func finishPhase(of job: JobID) {
        guard let plan = plans[job], let record = state.jobs[job], let committer = committers[job] else { return }
        let finished = record.phase.index
        do {
            if !Self.isCommitted(committer) {
                try? flushJournal()
                if finished == plan.phases.count - 1 { crashIfAsked(at: .beforeJobCommit) }
                try committer.commitJob()
            }
            if finished == plan.phases.count - 1 {
                end(job, as: .succeeded)
                return
            }
            let broadcast = try BroadcastLoader.load(
                directory: committer.outputPath,
                limit: 64 << 20,
                phase: plan.phases[finished].name
            )
            let next = plannedPhase(finished + 1, of: job, plan: plan, broadcast: broadcast.encoded)
            let isLast = finished + 1 == plan.phases.count - 1
            let nextCommitter =
                isLast
                ? JobOutputCommitter(
                    outputPath: record.request.outputPath,
                    job: job,
                    replacesExisting: record.request.replacesOutput
                )
                : try phaseCommitter(finished + 1, of: job)
            try nextCommitter.prepare()
            try use(nextCommitter, for: job)
            state.startPhase(next, of: job)
            journal?.append(
                .phaseStarted(
                    job: job,
                    phase: next.index,
                    broadcast: next.broadcast,
                    counters: state.jobs[job]!.counters
                )
            )
            crashIfAsked(at: .afterPhaseStart)
            logger.info(
                "phase started",
                metadata: ["job": "\(job)", "phase": "\(next.name)", "maps": "\(next.maps.count)"]
            )
        } catch {
            end(job, as: .failed, failure: "phase \(finished + 2): \(error)")
        }
    }

    /// SIGKILLs the process at `point` if the configuration asks for it, its journal synced first.
    private func crashIfAsked(at point: JobTrackerCrashPoint) {
        guard configuration.crashPoint == point else { return }
        try? flushJournal()
        logger.critical("crashing as --crash-at asked", metadata: ["at": "\(point.rawValue)"])
        Glibc.kill(getpid(), SIGKILL)
    }

    func end(_ job: JobID, as outcome: JobRunState, failure: String = "", log: [String] = []) {
        state.finish(job, as: outcome, failure: failure, log: log, at: Date())
        journal?.append(.ended(job: job, state: outcome, failure: failure))
        metrics.jobFinished(as: outcome)
        metrics.refresh(from: state)
        if outcome != .succeeded { committers[job]?.abort() }
        committers[job] = nil
        outputProbes[job] = nil
        plans[job] = nil
        let staging = stagingDirectories(of: job)
        inputs[job] = nil
        for directory in staging.subtracting(inputs.keys.flatMap(stagingDirectories)) {
            try? FileManager.default.removeItem(atPath: directory)
        }
        Task { [jobFiles] in await jobFiles.release(job) }
        try? FileManager.default.removeItem(atPath: jobDirectory(job))
        notify(.job(job))
        if let report = state.report(job, now: Date()) {
            history.record(report)
            logger.info(
                "job finished",
                metadata: [
                    "job": "\(job)", "state": "\(outcome.rawValue)", "failure": "\(failure)",
                    "seconds": "\(report.elapsedSeconds)",
                ]
            )
        }
    }

    /// Whether `committer`'s job commit already happened: a JobTracker that stopped between
    /// committing a phase and journaling it finds the output in place and the staging gone.
    private static func isCommitted(_ committer: JobOutputCommitter) -> Bool {
        !FileManager.default.fileExists(atPath: committer.stagingPath)
            && FileManager.default.fileExists(atPath: committer.outputPath + "/_SUCCESS")
    }

    /// Makes `committer`, prepared, the one of `job`'s current phase, with a probe in its staging
    /// directory for trackers that share the file system.
    func use(_ committer: JobOutputCommitter, for job: JobID) throws {
        outputProbes[job] = try FileSystemProbe.write(in: committer.temporaryPath)
        committers[job] = committer
    }

    func plannedPhase(_ index: Int, of job: JobID, plan: JobPlan, broadcast: [UInt8]) -> PhaseRecord {
        PhaseRecord(
            index: index,
            name: plan.phases[index].name,
            job: job,
            splits: plan.phases[index].mapTasks,
            reduceCount: plan.phases[index].reduceCount,
            broadcast: broadcast
        )
    }

    func phaseCommitter(_ index: Int, of job: JobID) throws -> JobOutputCommitter {
        JobOutputCommitter(outputPath: jobDirectory(job) + "/phase-\(index + 1)", job: job, replacesExisting: true)
    }

    private func jobDirectory(_ job: JobID) -> String {
        configuration.dataDirectory + "/jobs/\(job)"
    }
}
