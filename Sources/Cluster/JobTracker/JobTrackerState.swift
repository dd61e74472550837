import Foundation
import MapReduce

/// The JobTracker's rules as a value: jobs, tasks, attempts and trackers, changed only by events.
///
/// Network handlers translate messages into calls here and carry out what comes back; every
/// scheduling and failure rule lives in this type and is unit-tested without sockets.
struct JobTrackerState: Sendable {
    /// An attempt to hand a tracker.
    struct Assignment: Sendable {
        let job: JobID
        let attempt: AttemptID
        let splits: [InputSplit]
        let reduceCount: Int
        let broadcast: [UInt8]
    }

    let settings: JobTrackerSettings
    private(set) var jobs: [JobID: JobRecord] = [:]
    private(set) var jobOrder: [JobID] = []
    /// The jobs still running, in submission order.
    private(set) var runningJobs: [JobID] = []
    /// Jobs that ended within the last two tracker expiries, oldest first: every heartbeat reply
    /// names them, so that trackers stop their attempts and clean up their files. A tracker
    /// silent for longer is lost, and learns of the others when it registers again.
    private(set) var recentlyFinished: [(job: JobID, at: Date)] = []
    private(set) var trackers: [String: TrackerRecord] = [:]
    /// The slots of every registered tracker, draining ones too: what a job's plan and its default
    /// number of reduces are sized for, which a tracker's draining for a while should not change.
    private(set) var registeredSlots = 0
    /// The slots of trackers that take tasks now: what fair shares divide. Both sums are kept up
    /// to date as trackers come, go and start or stop taking tasks, because every job report
    /// reads them.
    private(set) var schedulableSlots = 0
    /// Attempts each tracker must stop: backups that lost, attempts of ended jobs, timed-out ones.
    private(set) var pendingKills: [String: [AttemptID]] = [:]
    /// Trackers that were lost or left, by id, until they register again.
    private(set) var departedTrackers: [String: DepartedTracker] = [:]
    /// Map outputs of resumed jobs that the journal says were committed, by attempt, until a
    /// registering tracker says it still holds them.
    private(set) var unadoptedOutputs: [AttemptID: MapOutputLocation] = [:]
    /// For each running job's current phase, by task kind: no running attempt without a backup
    /// started before this moment, as of the last look for stragglers. Attempts that start later
    /// start later still, so no straggler can show up before this moment plus the straggler limit,
    /// and until then the heartbeats asking for backups need not look at every running task.
    private(set) var stragglerFloors: [JobID: [TaskID.Kind: Date]] = [:]

    init(settings: JobTrackerSettings) {
        self.settings = settings
    }

    // MARK: Trackers

    /// Registers (or re-registers) a tracker.
    mutating func register(_ tracker: TrackerRecord) {
        if trackers[tracker.id] != nil { loseTracker(tracker.id, reason: "re-registered") }
        trackers[tracker.id] = tracker
        registeredSlots += tracker.slots
        if tracker.acceptsTasks { schedulableSlots += tracker.slots }
        departedTrackers[tracker.id] = nil
    }

    /// Takes on the map outputs of resumed jobs that a registering tracker still holds: their maps
    /// stay done and reduces fetch them from it. Its attempts still running were started by an
    /// earlier JobTracker process (or before it re-registered) and are killed. Returns the
    /// attempts whose outputs were adopted.
    mutating func adoptOutputs(_ held: [AttemptID], running: [AttemptID], of tracker: String) -> [AttemptID] {
        guard let record = trackers[tracker] else { return [] }
        if !running.isEmpty { pendingKills[tracker, default: []].append(contentsOf: running) }
        var adopted: [AttemptID] = []
        for attempt in held {
            guard var location = unadoptedOutputs.removeValue(forKey: attempt), runsPhase(of: attempt.task) else {
                continue
            }
            var job = jobs.removeValue(forKey: attempt.task.job)!
            defer { jobs[attempt.task.job] = job }
            var task = job.phase[attempt.task]
            guard let index = task.attempts.firstIndex(where: { $0.id == attempt && $0.state == .succeeded }) else {
                continue
            }
            task.attempts[index].tracker = tracker
            job.phase[attempt.task] = task
            location.host = record.host
            location.port = record.shufflePort
            location.probe = record.probe
            job.phase.completions.append(EncodedMapOutputLocation(location))
            adopted.append(attempt)
        }
        return adopted
    }

    /// Runs again the maps of resumed jobs whose outputs no registering tracker claimed; returns them.
    mutating func abandonUnadoptedOutputs() -> [AttemptID] {
        let abandoned = unadoptedOutputs.keys.sorted { "\($0)" < "\($1)" }
        unadoptedOutputs = [:]
        for attempt in abandoned where runsPhase(of: attempt.task) {
            var job = jobs.removeValue(forKey: attempt.task.job)!
            defer { jobs[attempt.task.job] = job }
            var task = job.phase[attempt.task]
            guard task.state == .succeeded,
                let index = task.attempts.firstIndex(where: { $0.id == attempt && $0.state == .succeeded })
            else { continue }
            task.attempts[index].state = .killed
            task.state = .pending
            job.counters.add(Counters(task.counters.values.mapValues { -$0 }))
            task.counters = Counters()
            job.phase[attempt.task] = task
            job.phase.mapsFinishedAt = nil
        }
        return abandoned
    }

    /// Notes a heartbeat, with the tracker's free space and, when it takes no tasks without
    /// draining, why; false if the tracker is unknown and must register again.
    mutating func heard(
        from tracker: String,
        acceptsTasks: Bool,
        freeBytes: Int64 = -1,
        refusal: String = "",
        at now: Date
    ) -> Bool {
        guard let record = trackers[tracker] else { return false }
        if record.acceptsTasks != acceptsTasks { schedulableSlots += acceptsTasks ? record.slots : -record.slots }
        trackers[tracker]!.lastHeartbeat = now
        trackers[tracker]!.acceptsTasks = acceptsTasks
        trackers[tracker]!.freeBytes = freeBytes
        trackers[tracker]!.refusal = acceptsTasks ? "" : refusal
        return true
    }

    /// Forgets trackers silent for longer than the expiry and returns their ids.
    mutating func expireTrackers(at now: Date) -> [String] {
        let expiry = settings.trackerExpiry(forTrackers: trackers.count).seconds
        recentlyFinished.removeAll { now.timeIntervalSince($0.at) > 2 * expiry }
        let lost = trackers.values.filter { now.timeIntervalSince($0.lastHeartbeat) > expiry }
            .map(\.id)
        for id in lost { loseTracker(id, reason: "lost", at: now) }
        return lost
    }

    /// Removes a tracker: its running attempts are killed and re-run, and so are its finished
    /// maps of phases whose reduces still need them.
    mutating func loseTracker(_ id: String, reason: String, at now: Date = Date()) {
        if let record = trackers[id] {
            departedTrackers[id] = DepartedTracker(record: record, reason: reason, leftAt: now)
            registeredSlots -= record.slots
            if record.acceptsTasks { schedulableSlots -= record.slots }
        }
        trackers[id] = nil
        for jobID in runningJobs {
            var job = jobs.removeValue(forKey: jobID)!
            defer { jobs[jobID] = job }
            let reducesNeedIt = job.phase.reducesDone < job.phase.reduces.count
            let outputs = reducesNeedIt ? job.phase.mapIndex.outputsByTracker[id] ?? [] : []
            let outputTasks = outputs.subtracting(job.phase.mapIndex.runningTasks).sorted().map {
                job.phase.maps[$0].id
            }
            for task in job.phase.runningTaskIDs(on: id) + outputTasks {
                var record = job.phase[task]
                for index in record.attempts.indices where record.attempts[index].tracker == id {
                    if record.attempts[index].state == .running { record.attempts[index].state = .killed }
                }
                if task.kind == .map, record.state == .succeeded, reducesNeedIt,
                    record.attempts.last(where: { $0.state == .succeeded })?.tracker == id
                {
                    record.state = .pending
                }
                record.settle()
                job.phase[task] = record
            }
        }
    }

    /// Whether unfinished reduces of a running job may still fetch a map output that `tracker`
    /// holds: a draining tracker keeps serving until this is false (or its drain time runs out).
    func mapOutputsNeeded(on tracker: String) -> Bool {
        runningJobs.contains { id in
            let phase = jobs[id]!.phase
            return phase.reducesDone < phase.reduces.count && phase.mapIndex.outputsByTracker[tracker] != nil
        }
    }

    /// How many attempts are running on a tracker.
    func runningAttempts(on tracker: String) -> Int {
        runningJobs.reduce(0) { $0 + jobs[$1]!.phase.runningAttempts(on: tracker) }
    }

    // MARK: Jobs

    /// Adds a submitted job with its first phase.
    mutating func add(_ job: JobRecord) {
        jobs[job.id] = job
        jobOrder.append(job.id)
        if job.state == .running { runningJobs.append(job.id) }
    }

    /// Adds a job resumed from the journal, whose map outputs in `unadopted` wait for a tracker
    /// that still holds them.
    mutating func resume(_ job: JobRecord, unadopted: [MapOutputLocation]) {
        add(job)
        for location in unadopted { unadoptedOutputs[location.attempt] = location }
    }

    /// Replaces a job's finished phase with the next one; after a setup task, with the first
    /// phase of the plan it made, whose phases are `phaseNames`.
    mutating func startPhase(_ phase: PhaseRecord, of job: JobID, phaseNames: [String]? = nil) {
        jobs[job]!.finishedPhases.append(jobs[job]!.phase)
        jobs[job]!.phase = phase
        stragglerFloors[job] = nil
        if let phaseNames { jobs[job]!.phaseNames = phaseNames }
    }

    /// Ends a job; returns the attempts still running, which trackers should stop.
    @discardableResult
    mutating func finish(
        _ job: JobID,
        as state: JobRunState,
        failure: String = "",
        log: [String] = [],
        at now: Date
    ) -> [AttemptID] {
        guard jobs[job]?.state == .running else { return [] }
        var record = jobs.removeValue(forKey: job)!
        defer { jobs[job] = record }
        var running: [AttemptID] = []
        for task in record.phase.runningTaskIDs {
            var taskRecord = record.phase[task]
            for index in taskRecord.attempts.indices where taskRecord.attempts[index].state == .running {
                taskRecord.attempts[index].state = .killed
                running.append(taskRecord.attempts[index].id)
                pendingKills[taskRecord.attempts[index].tracker, default: []].append(taskRecord.attempts[index].id)
            }
            record.phase[task] = taskRecord
        }
        record.state = state
        record.failure = failure
        record.failureLog = log
        record.finishedAt = now
        runningJobs.removeAll { $0 == job }
        stragglerFloors[job] = nil
        recentlyFinished.append((job, now))
        return running
    }

    /// The report of a job, with its fair share of the slots while it runs.
    func report(_ job: JobID, now: Date) -> JobReport? {
        jobs[job]?.report(now: now, fairShare: fairShares[job] ?? 0)
    }

    /// Every job's report, in submission order.
    func reports(now: Date) -> [JobReport] {
        let shares = fairShares
        return jobOrder.map { jobs[$0]!.report(now: now, fairShare: shares[$0] ?? 0) }
    }

    // MARK: Attempts

    /// Records progress of a running attempt, and its status message, which becomes the job's.
    mutating func progress(_ attempt: AttemptID, records: Int64, status: String = "", at now: Date) {
        guard runsPhase(of: attempt.task) else { return }
        var job = jobs.removeValue(forKey: attempt.task.job)!
        defer { jobs[attempt.task.job] = job }
        var task = job.phase[attempt.task]
        guard let index = task.attempts.firstIndex(where: { $0.id == attempt && $0.state == .running }) else { return }
        if task.attempts[index].records != records { task.attempts[index].progressedAt = now }
        task.attempts[index].records = records
        job.phase[attempt.task] = task
        if !status.isEmpty { job.status = "\(attempt.task): \(status)" }
    }

    /// Whether `task`'s job is running the task's phase.
    ///
    /// The functions that change a task take its job out of ``jobs`` while they change it and put
    /// it back: a copy of the job held while the dictionary also holds it would make the first
    /// change copy the phase's whole task list, which with 100,000 maps dwarfs the change.
    private func runsPhase(of task: TaskID) -> Bool {
        guard let job = jobs[task.job] else { return false }
        return job.state == .running && job.phase.index == task.phase
    }

    /// Whether `attempt` may commit its output: it is running, and its task has not succeeded.
    func mayCommit(_ attempt: AttemptID) -> Bool {
        guard let job = jobs[attempt.task.job], job.state == .running, job.phase.index == attempt.task.phase else {
            return false
        }
        let task = job.phase[attempt.task]
        return task.state != .succeeded && task.attempts.contains { $0.id == attempt && $0.state == .running }
    }

    /// Adds `bytes` of uploaded output to a reduce attempt's total.
    mutating func addOutput(bytes: Int64, to attempt: AttemptID) {
        guard jobs[attempt.task.job]?.phase.index == attempt.task.phase else { return }
        var job = jobs.removeValue(forKey: attempt.task.job)!
        defer { jobs[attempt.task.job] = job }
        var task = job.phase[attempt.task]
        guard let index = task.attempts.firstIndex(where: { $0.id == attempt }) else { return }
        task.attempts[index].outputBytes += bytes
        job.phase[attempt.task] = task
    }

    /// Marks an attempt succeeded (after its output was committed); true when its phase is complete.
    mutating func succeeded(
        _ attempt: AttemptID,
        counters: Counters,
        location: MapOutputLocation?,
        at now: Date
    ) -> Bool {
        guard mayCommit(attempt) else { return false }
        var job = jobs.removeValue(forKey: attempt.task.job)!
        defer { jobs[attempt.task.job] = job }
        var task = job.phase[attempt.task]
        let index = task.attempts.firstIndex { $0.id == attempt }!
        task.attempts[index].state = .succeeded
        task.attempts[index].finishedAt = now
        for other in task.attempts.indices where task.attempts[other].state == .running {
            task.attempts[other].state = .killed
            pendingKills[task.attempts[other].tracker, default: []].append(task.attempts[other].id)
        }
        task.state = .succeeded
        task.counters = counters
        job.phase[attempt.task] = task
        job.counters.add(counters)
        if let location { job.phase.completions.append(EncodedMapOutputLocation(location)) }
        if attempt.task.kind == .map, job.phase.mapsDone == job.phase.maps.count { job.phase.mapsFinishedAt = now }
        return job.phase.isComplete
    }

    /// Marks an attempt failed; returns the job's failure message when the task has no attempts left.
    mutating func failed(_ attempt: AttemptID, error: String, log: [String] = [], at now: Date) -> String? {
        guard runsPhase(of: attempt.task) else { return nil }
        var job = jobs.removeValue(forKey: attempt.task.job)!
        defer { jobs[attempt.task.job] = job }
        var task = job.phase[attempt.task]
        guard let index = task.attempts.firstIndex(where: { $0.id == attempt && $0.state == .running }) else {
            return nil
        }
        task.attempts[index].state = .failed
        task.attempts[index].finishedAt = now
        task.attempts[index].failure = error
        task.attempts[index].logTail = log
        task.failures += 1
        task.lastFailure = error
        task.settle()
        job.failedAttempts += 1
        job.trackerFailures[task.attempts[index].tracker, default: 0] += 1
        job.phase[attempt.task] = task
        guard task.failures >= settings.maxAttempts else { return nil }
        return "\(attempt.task) failed \(task.failures) times; last error: \(error)"
    }

    /// Notes an attempt that its tracker stopped on purpose because it is leaving the cluster: the
    /// attempt is killed, not failed, and its task runs again elsewhere. False if it was not running.
    mutating func handedBack(_ attempt: AttemptID, at now: Date) -> Bool {
        guard runsPhase(of: attempt.task) else { return false }
        var job = jobs.removeValue(forKey: attempt.task.job)!
        defer { jobs[attempt.task.job] = job }
        var task = job.phase[attempt.task]
        guard let index = task.attempts.firstIndex(where: { $0.id == attempt && $0.state == .running }) else {
            return false
        }
        task.attempts[index].state = .killed
        task.attempts[index].finishedAt = now
        task.settle()
        job.phase[attempt.task] = task
        return true
    }

    /// Notes an attempt whose tracker could not run the job's binary at all: no job code ran, so
    /// it is not counted as a failure. A cause that depends on the node excludes the tracker from
    /// the job; returns the job's failure when the cause does not (the binary cannot run anywhere)
    /// or when no live tracker is left to try.
    mutating func binaryUnusable(
        _ attempt: AttemptID,
        problem: BinaryProblem,
        on tracker: String,
        at now: Date
    ) -> String? {
        guard runsPhase(of: attempt.task) else { return nil }
        var job = jobs.removeValue(forKey: attempt.task.job)!
        defer { jobs[attempt.task.job] = job }
        var task = job.phase[attempt.task]
        guard let index = task.attempts.firstIndex(where: { $0.id == attempt && $0.state == .running }) else {
            return nil
        }
        task.attempts[index].state = .killed
        task.attempts[index].finishedAt = now
        task.attempts[index].failure = problem.message
        task.lastFailure = problem.message
        task.settle()
        job.phase[attempt.task] = task
        job.excludedTrackers.insert(tracker)
        guard problem.dependsOnNode else { return problem.message }
        let usable = trackers.values.filter { $0.acceptsTasks && !job.excludedTrackers.contains($0.id) }
        return usable.isEmpty ? "no tracker can run the job's binary; last: \(problem.message)" : nil
    }

    /// The jobs of the trackers' installed job binaries, each name once, by tracker id.
    var installedJobs: [JobDescriptor] {
        var seen = Set<String>()
        return trackers.values.sorted { $0.id < $1.id }.flatMap(\.installedJobs).filter {
            seen.insert($0.name).inserted
        }
    }

    /// Notes that `reduce` could not fetch the output of `map`; returns true when the map is run
    /// again: after reports from three reduces, or from every reduce still running if fewer.
    mutating func fetchFailed(_ map: AttemptID, reportedBy reduce: AttemptID) -> Bool {
        guard map.task.kind == .map, runsPhase(of: map.task) else { return false }
        var job = jobs.removeValue(forKey: map.task.job)!
        defer { jobs[map.task.job] = job }
        var task = job.phase[map.task]
        guard task.state == .succeeded, task.attempts.last(where: { $0.state == .succeeded })?.id == map else {
            return false
        }
        job.phase.fetchFailures[map, default: []].insert(reduce.task.index)
        let runningReduces = job.phase.reduces.count - job.phase.reducesDone
        let needed = max(1, min(3, runningReduces))
        guard job.phase.fetchFailures[map]!.count >= needed else {
            return false
        }
        if let index = task.attempts.firstIndex(where: { $0.id == map }) { task.attempts[index].state = .failed }
        task.state = .pending
        task.failures += 1
        task.lastFailure = "its output could not be fetched"
        job.phase[map.task] = task
        job.failedAttempts += 1
        return true
    }

    /// Tells `tracker` to stop `attempt`, which this JobTracker does not run.
    mutating func kill(_ attempt: AttemptID, on tracker: String) {
        pendingKills[tracker, default: []].append(attempt)
    }

    /// The attempts a tracker must stop, handed over once.
    mutating func takeKills(for tracker: String) -> [AttemptID] {
        pendingKills.removeValue(forKey: tracker) ?? []
    }

    /// Fails attempts that have gone without progress for longer than the task timeout (a reduce
    /// waiting for maps is not stalled); returns the job failures this causes.
    mutating func failStalledAttempts(at now: Date) -> [(job: JobID, failure: String)] {
        var stalled: [(attempt: AttemptID, tracker: String)] = []
        for jobID in runningJobs {
            let phase = jobs[jobID]!.phase
            var inJob: [(attempt: AttemptID, tracker: String)] = []
            phase.forEachRunningTask { task in
                for attempt in task.attempts where attempt.state == .running {
                    var since = attempt.progressedAt
                    if task.id.kind == .reduce {
                        guard let mapsFinished = phase.mapsFinishedAt else { continue }
                        since = max(since, mapsFinished)
                    }
                    if now.timeIntervalSince(since) > settings.taskTimeout.seconds {
                        inJob.append((attempt.id, attempt.tracker))
                    }
                }
            }
            stalled += inJob.sorted { Self.runOrder($0.attempt) < Self.runOrder($1.attempt) }
        }
        var failures: [(job: JobID, failure: String)] = []
        for (attempt, tracker) in stalled {
            let seconds = Int(settings.taskTimeout.seconds)
            if let failure = failed(attempt, error: "no progress for \(seconds) s", at: now) {
                failures.append((attempt.task.job, failure))
            }
            pendingKills[tracker, default: []].append(attempt)
        }
        return failures
    }

    /// Where an attempt comes in a phase's order: maps before reduces, then by task and attempt.
    private static func runOrder(_ attempt: AttemptID) -> (Int, Int, Int) {
        (attempt.task.kind == .reduce ? 1 : 0, attempt.task.index, attempt.number)
    }

    // MARK: Scheduling

    /// Running attempts of one kind on `tracker`.
    func runningAttempts(on tracker: String, kind: TaskID.Kind) -> Int {
        runningJobs.reduce(0) { sum, id in
            let phase = jobs[id]!.phase
            let index = kind == .map ? phase.mapIndex : phase.reduceIndex
            return sum + index.runningByTracker[tracker, default: 0]
        }
    }

    /// Hands free slots of `tracker` pending tasks. A tracker runs up to its slot count of maps and,
    /// beside them, up to as many reduces, as Hadoop's separate map and reduce slots: a reduce
    /// starts once the slowstart fraction of its phase's maps is done and fetches and merges map
    /// outputs while the maps run, and it never holds a slot that a map is waiting for. Its reduce
    /// proper (the child process) starts only when every map is done.
    ///
    /// Jobs share the cluster fairly, as Hadoop's FairScheduler shares it: each free slot goes to
    /// the running job with the fewest running attempts for its weight that has a task for this
    /// tracker (the earlier submitted on a tie), so a small job submitted after a large one starts
    /// at once, and a job of weight 2 runs twice the attempts of one of weight 1.
    mutating func assign(to tracker: String, at now: Date) -> [Assignment] {
        guard let record = trackers[tracker], record.acceptsTasks else { return [] }
        var freeMaps = record.slots - runningAttempts(on: tracker, kind: .map)
        var freeReduces = record.slots - runningAttempts(on: tracker, kind: .reduce)
        var assignments: [Assignment] = []
        var exhausted: Set<JobID> = []
        while freeMaps > 0 || freeReduces > 0 {
            let order = runningJobs.filter { !exhausted.contains($0) }.enumerated().min { left, right in
                let (l, r) = (load(of: left.element), load(of: right.element))
                return l != r ? l < r : left.offset < right.offset
            }
            guard let jobID = order?.element else { break }
            let tasks = tasksToStart(
                in: jobID,
                on: tracker,
                freeMaps: min(freeMaps, 1),
                freeReduces: min(freeReduces, 1),
                at: now
            )
            guard let task = tasks.first else {
                exhausted.insert(jobID)
                continue
            }
            let attempt = jobs[jobID]!.phase[task].startAttempt(on: tracker, at: now)
            let phase = jobs[jobID]!.phase
            assignments.append(
                Assignment(
                    job: jobID,
                    attempt: attempt,
                    splits: phase[task].splits,
                    reduceCount: phase.reduces.count,
                    broadcast: phase.broadcast
                )
            )
            if task.kind == .map { freeMaps -= 1 } else { freeReduces -= 1 }
        }
        return assignments
    }

    /// A running job's attempts per unit of its weight: the next free slot goes to the lowest.
    private func load(of job: JobID) -> Double {
        let record = jobs[job]!
        return Double(record.phase.runningAttempts) / record.weight
    }

    /// Each running job's fair share of the cluster's slots (map and reduce slots together):
    /// the slots divided among the jobs in proportion to their weights, no job getting more than
    /// its unfinished tasks and what it leaves given to the others.
    var fairShares: [JobID: Double] {
        let demands = runningJobs.map { id in
            let phase = jobs[id]!.phase
            return phase.maps.count - phase.mapsDone + phase.reduces.count - phase.reducesDone
        }
        let weights = runningJobs.map { jobs[$0]!.weight }
        let shares = FairShare.divide(Double(2 * schedulableSlots), among: demands, weights: weights)
        return Dictionary(uniqueKeysWithValues: zip(runningJobs, shares))
    }

    /// The tasks of `jobID` to start on `tracker`, which has `freeMaps` and `freeReduces` free
    /// slots: pending maps, pending reduces once they may start, then backups of stragglers.
    ///
    /// Only reads the job, so that the caller then starts each attempt in place: a copy of the
    /// job held across that write would make it copy the phase's whole task list.
    private mutating func tasksToStart(
        in jobID: JobID,
        on tracker: String,
        freeMaps: Int,
        freeReduces: Int,
        at now: Date
    ) -> [TaskID] {
        let job = jobs[jobID]!
        if isBlacklisted(tracker, for: job) || job.excludedTrackers.contains(tracker) { return [] }
        func pending(_ tasks: [TaskRecord], from first: Int, room: Int) -> [TaskID] {
            guard room > 0 else { return [] }
            var found: [TaskID] = []
            for index in first..<tasks.count where tasks[index].state == .pending {
                if shouldAvoid(tasks[index], on: tracker) { continue }
                found.append(tasks[index].id)
                if found.count == room { break }
            }
            return found
        }
        let maps = pending(job.phase.maps, from: job.phase.mapIndex.firstPending, room: freeMaps)
        let reduces =
            job.phase.reducesMayStart(slowstart: settings.reduceSlowstart)
            ? pending(job.phase.reduces, from: job.phase.reduceIndex.firstPending, room: freeReduces) : []
        var backups: [TaskID] = []
        var (mapRoom, reduceRoom) = (freeMaps - maps.count, freeReduces - reduces.count)
        var kinds: [TaskID.Kind] = []
        if mapRoom > 0 { kinds.append(.map) }
        if reduceRoom > 0 { kinds.append(.reduce) }
        var candidates: [TaskID] = []
        if settings.speculation {
            let floors = stragglerFloors[jobID] ?? [:]
            kinds.removeAll { kind in
                floors[kind].map { !mayHaveStragglers(in: job, of: kind, since: $0, at: now) } ?? false
            }
            let found = stragglers(in: job, of: kinds, for: tracker, at: now)
            stragglerFloors[jobID, default: [:]].merge(found.floors) { $1 }
            candidates = found.candidates
        }
        for task in candidates {
            if task.kind == .map, mapRoom > 0 {
                mapRoom -= 1
                backups.append(task)
            } else if task.kind == .reduce, reduceRoom > 0 {
                reduceRoom -= 1
                backups.append(task)
            }
        }
        return maps + reduces + backups
    }

    /// Whether a retry of `task` should wait for another tracker: its last attempt failed on
    /// `tracker` and another tracker has a free slot.
    func shouldAvoid(_ task: TaskRecord, on tracker: String) -> Bool {
        guard task.attempts.last?.state == .failed, task.attempts.last?.tracker == tracker else { return false }
        return trackers.values.contains { $0.id != tracker && $0.acceptsTasks && $0.slots > runningAttempts(on: $0.id) }
    }

    /// Running tasks of `kinds` whose only attempt is much slower than its finished peers and
    /// runs on another tracker, in task order: they get one backup attempt, and the first
    /// attempt to finish wins. Only running tasks are looked at, and only once the speculation
    /// threshold of a kind's tasks has finished.
    func speculativeCandidates(
        in job: JobRecord,
        of kinds: [TaskID.Kind] = [.map, .reduce],
        for tracker: String,
        at now: Date
    ) -> [TaskID] {
        stragglers(in: job, of: kinds, for: tracker, at: now).candidates
    }

    /// How long an attempt of `kind` in `job` runs before it is a straggler, once enough of its
    /// peers have finished to tell; nil before that.
    private func stragglerLimit(in job: JobRecord, of kind: TaskID.Kind) -> Double? {
        let (count, index) =
            kind == .reduce
            ? (job.phase.reduces.count, job.phase.reduceIndex) : (job.phase.maps.count, job.phase.mapIndex)
        guard count > 0, Double(index.finished) >= JobTrackerSettings.speculationThreshold * Double(count),
            let median = index.medianDuration
        else { return nil }
        return max(median * JobTrackerSettings.speculationSlowdown, settings.speculationMinimumRuntime.seconds)
    }

    /// Whether an attempt of `kind` that started at `floor` or later can be a straggler at `now`.
    private func mayHaveStragglers(in job: JobRecord, of kind: TaskID.Kind, since floor: Date, at now: Date) -> Bool {
        guard let limit = stragglerLimit(in: job, of: kind) else { return false }
        return now.timeIntervalSince(floor) > limit
    }

    /// The ``speculativeCandidates(in:of:for:at:)``, and for each kind looked at the earliest
    /// start of a running attempt without a backup (or `now`, when there is none): the floor
    /// below which no later look needs to go.
    private func stragglers(
        in job: JobRecord,
        of kinds: [TaskID.Kind],
        for tracker: String,
        at now: Date
    ) -> (candidates: [TaskID], floors: [TaskID.Kind: Date]) {
        var candidates: [TaskID] = []
        var floors: [TaskID.Kind: Date] = [:]
        for kind in kinds {
            guard let limit = stragglerLimit(in: job, of: kind) else { continue }
            let (tasks, index) =
                kind == .reduce ? (job.phase.reduces, job.phase.reduceIndex) : (job.phase.maps, job.phase.mapIndex)
            var slow: [Int] = []
            var floor = now
            for position in index.runningTasks where tasks[position].attempts.count == 1 {
                let startedAt = tasks[position].attempts[0].startedAt
                floor = min(floor, startedAt)
                guard now.timeIntervalSince(startedAt) > limit, tasks[position].attempts[0].state == .running,
                    tasks[position].attempts[0].tracker != tracker
                else { continue }
                slow.append(position)
            }
            floors[kind] = floor
            candidates += slow.sorted().map { tasks[$0].id }
        }
        return (candidates, floors)
    }

    /// Whether `tracker` failed `job` too often while another usable tracker can take its tasks.
    func isBlacklisted(_ tracker: String, for job: JobRecord) -> Bool {
        let limit = JobRecord.blacklistThreshold
        guard job.trackerFailures[tracker, default: 0] >= limit else { return false }
        return trackers.values.contains {
            $0.id != tracker && $0.acceptsTasks && job.trackerFailures[$0.id, default: 0] < limit
        }
    }

    /// The attempts of a job's current (or last) phase, of one task or all, in task order.
    func attempts(of job: JobID, task: TaskID?) -> [AttemptSummary] {
        guard let record = jobs[job] else { return [] }
        return (record.phase.maps + record.phase.reduces).filter { task == nil || $0.id == task }.flatMap {
            taskRecord in
            taskRecord.attempts.map { attempt in
                let state: String
                switch attempt.state {
                case .running: state = "running"
                case .succeeded: state = "succeeded"
                case .failed: state = "failed"
                case .killed: state = "killed"
                }
                let failure =
                    attempt.state == .failed && attempt.id == taskRecord.attempts.last { $0.state == .failed }?.id
                    ? taskRecord.lastFailure : ""
                return AttemptSummary(attempt: attempt.id, state: state, tracker: attempt.tracker, failure: failure)
            }
        }
    }

    /// How many map outputs one answer to a reduce holds at most; the reduce asks again from the
    /// next one. As Hadoop's reduces fetch map completion events, this bounds an answer's size (and
    /// the buffers of the answers in flight) however many maps a phase has.
    static let completionsPerAnswer = 10_000

    /// The map outputs of a job's phase from position `from` on, at most `limit` of them, and how
    /// many maps the phase has.
    func completions(
        of job: JobID,
        phase: Int,
        from: Int,
        limit: Int = completionsPerAnswer
    ) -> (locations: Slice<MapCompletionLog>, mapCount: Int, failure: String) {
        let none = MapCompletionLog()[...]
        guard let record = jobs[job] else { return (none, 0, "unknown job \(job)") }
        guard record.state == .running else { return (none, 0, "job \(job) \(record.state.rawValue)") }
        guard record.phase.index == phase else { return (none, 0, "job \(job) is no longer in phase \(phase + 1)") }
        let all = record.phase.completions
        let start = min(max(from, 0), all.count)
        return (all[start..<min(all.count, start + limit)], record.phase.maps.count, "")
    }
}
