import Cluster
import MapReduce
import MapReduceEngine
import Wire

/// One simulated TaskTracker: registers with the JobTracker over the real protocol and secret,
/// heartbeats as a tracker does, and "runs" the attempts it is given by waiting instead of
/// starting processes.
///
/// What is real: the connection, handshake and sealed frames; registration, heartbeats (held by
/// the JobTracker when idle, sent at once when an attempt ends), attempt reports with a finished
/// map's segment index, and a reduce's map-completion requests, which it repeats until every map
/// of its phase is done, as a real reduce does before merging. What is not: no child process, no
/// map output file (the segments name bytes that do not exist), no shuffle server (the reduces
/// of a simulated cluster fetch nothing, so they count the locations of a reply without building
/// them), and a reduce commits no output file.
actor SimulatedTracker {
    /// The tracker's node id.
    let id: String
    private let client: WireClient
    private let slots: Int
    private let taskDurations: TaskDurations
    private let statistics: SimulationStatistics
    private let clock = ContinuousClock()
    private var running: Set<AttemptID> = []
    private var killed: Set<AttemptID> = []
    private var reports: [AttemptReport] = []
    private var heartbeatInterval = Duration.seconds(1)
    /// When the JobTracker last answered a heartbeat.
    private var lastAnswered: ContinuousClock.Instant?

    /// The job the simulated trackers say their installed binary holds.
    static let job = JobDescriptor(
        name: "sim-sleep",
        summary: "A job that mrsim's trackers run by waiting",
        options: [],
        isHidden: true,
        writesFilePerInput: false
    )

    /// A tracker named `id` with `slots` slots whose attempts take times drawn from `taskDurations`.
    init(
        id: String,
        jobTracker: ClusterAddress,
        secret: ClusterSecret,
        slots: Int,
        taskDurations: TaskDurations,
        statistics: SimulationStatistics
    ) {
        self.id = id
        self.slots = slots
        self.taskDurations = taskDurations
        self.statistics = statistics
        client = WireClient(
            WireClient.Configuration(
                host: jobTracker.host,
                port: jobTracker.port,
                secret: secret,
                role: .tracker,
                nodeID: id,
                connectTimeout: .seconds(30),
                handshakeTimeout: .seconds(30),
                requestTimeout: .seconds(60)
            )
        )
    }

    /// Takes part in the cluster until `deadline()`, reconnecting after a lost connection. Then
    /// deregisters, or when it `vanishes` falls silent with its connection open until `end()`,
    /// as a hung or cut-off node does, which the JobTracker notices only by its silence; it calls
    /// `fellSilent` with the moment its last heartbeat was answered, from which it is silent.
    func run(
        until deadline: @escaping @Sendable () -> ContinuousClock.Instant,
        vanishes: Bool,
        closesAt end: @escaping @Sendable () -> ContinuousClock.Instant,
        fellSilent: @escaping @Sendable (ContinuousClock.Instant) -> Void = { _ in }
    ) async {
        var silent = false
        while clock.now < deadline() {
            do {
                let connection = try await client.connect()
                do {
                    try await serve(on: connection, until: deadline)
                    if vanishes {
                        fellSilent(lastAnswered ?? clock.now)
                        silent = true
                        while clock.now < end() { try await Task.sleep(for: .milliseconds(100)) }
                    } else {
                        statistics.sent("deregister")
                        _ = try await connection.call(
                            DeregisterTrackerRequest(tracker: id),
                            expecting: DeregisterTrackerReply.self,
                            timeout: .seconds(5)
                        )
                    }
                    await connection.close()
                } catch {
                    await connection.close()
                    throw error
                }
            } catch {
                statistics.failed("connection", error)
                running = []
                if clock.now < deadline() { try? await Task.sleep(for: .seconds(1)) }
            }
        }
        if vanishes, !silent { fellSilent(lastAnswered ?? clock.now) }
    }

    /// Registers, then heartbeats until `deadline()`, running the attempts the replies assign.
    private func serve(
        on connection: WireConnection,
        until deadline: @Sendable () -> ContinuousClock.Instant
    ) async throws {
        try await register(on: connection)
        try await withThrowingDiscardingTaskGroup { group in
            while clock.now < deadline() {
                let assignments = try await heartbeat(on: connection)
                for assignment in assignments {
                    group.addTask { try await self.simulateUntilCancelled(assignment, on: connection) }
                }
            }
            group.cancelAll()
        }
    }

    private func register(on connection: WireConnection) async throws {
        statistics.sent("register")
        let reply = try await connection.call(
            RegisterTrackerRequest(
                tracker: id,
                host: "127.0.0.1",
                shufflePort: 1,
                slots: slots,
                probe: FileSystemProbe(path: "/nonexistent/mrsim/\(id)", token: id),
                installedJobs: [Self.job]
            ),
            expecting: RegisterTrackerReply.self
        )
        heartbeatInterval = .milliseconds(max(10, reply.heartbeatMilliseconds))
        statistics.registered()
    }

    /// Sends one heartbeat with the reports so far; returns the attempts it assigned.
    private func heartbeat(on connection: WireConnection) async throws -> [TaskAssignment] {
        let sending = reports
        reports = []
        let started = clock.now
        let reply: HeartbeatReply
        do {
            reply = try await connection.call(
                HeartbeatRequest(
                    tracker: id,
                    freeSlots: slots - running.count,
                    acceptsTasks: true,
                    reports: sending
                ),
                expecting: HeartbeatReply.self,
                timeout: heartbeatInterval + .seconds(30)
            )
        } catch {
            reports = sending + reports
            if !(error is CancellationError) { statistics.failed("heartbeat", error) }
            throw error
        }
        lastAnswered = clock.now
        statistics.heartbeat(milliseconds: (clock.now - started).milliseconds, reported: !sending.isEmpty)
        if reply.reregister {
            reports = sending + reports
            try await register(on: connection)
            return []
        }
        for attempt in reply.killAttempts where running.remove(attempt) != nil { killed.insert(attempt) }
        for assignment in reply.assignments {
            running.insert(assignment.attempt)
            statistics.started(assignment.attempt.task.kind.name)
        }
        return reply.assignments
    }

    /// Runs one attempt: a map waits its duration; a reduce first asks for map completions until
    /// every map of its phase is done, then waits. Then reports the attempt at once, in a
    /// heartbeat of its own, as a tracker does when an attempt ends.
    private func simulate(_ assignment: TaskAssignment, on connection: WireConnection) async throws {
        let attempt = assignment.attempt
        if attempt.task.kind == .reduce {
            guard try await awaitMaps(of: assignment, on: connection) else { return finish(attempt, nil) }
        }
        try await Task.sleep(for: taskDurations.next())
        let segments = (0..<max(1, assignment.reduceCount)).map {
            MapOutputSegment(offset: Int64($0) * 100, length: 100, records: 1)
        }
        finish(
            attempt,
            AttemptReport(
                attempt: attempt,
                state: .succeeded,
                records: 1,
                counters: Counters(),
                failure: "",
                segments: attempt.task.kind == .map && assignment.reduceCount > 0 ? segments : [],
                epoch: assignment.epoch
            )
        )
        let assignments = try await heartbeat(on: connection)
        try await withThrowingDiscardingTaskGroup { group in
            for extra in assignments {
                group.addTask { try await self.simulateUntilCancelled(extra, on: connection) }
            }
        }
    }

    /// Simulates the attempt; the end of the simulation (cancellation) ends it without an error.
    private func simulateUntilCancelled(_ assignment: TaskAssignment, on connection: WireConnection) async throws {
        do {
            try await simulate(assignment, on: connection)
        } catch is CancellationError {
            running.remove(assignment.attempt)
        }
    }

    /// Asks for the phase's map completions until all are in; false when the job ended first.
    private func awaitMaps(of assignment: TaskAssignment, on connection: WireConnection) async throws -> Bool {
        var known = 0
        while !killed.contains(assignment.attempt) {
            statistics.sent("mapCompletions")
            let reply = try MapCompletionsTally(
                try await connection.call(
                    MapCompletionsRequest.messageType,
                    payload: MapCompletionsRequest(
                        job: assignment.attempt.task.job,
                        phase: assignment.attempt.task.phase,
                        from: known,
                        unreachable: [],
                        reduce: assignment.attempt
                    ).encodedBuffer(),
                    timeout: .seconds(90)
                )
            )
            guard reply.failure.isEmpty else { return false }
            known += reply.locations
            if known >= reply.mapCount { return true }
        }
        return false
    }

    /// Frees the attempt's slot and queues its report, unless the JobTracker killed it.
    private func finish(_ attempt: AttemptID, _ report: AttemptReport?) {
        running.remove(attempt)
        if killed.remove(attempt) != nil { return }
        guard let report else { return }
        reports.append(report)
        statistics.finished()
    }
}
