import Cluster
import Foundation
import Synchronization
import Wire

/// One run of the simulator: starts the trackers, waits until the JobTracker knows them all,
/// then measures for the run's duration while optional jobs run and optional trackers vanish.
struct Simulation: Sendable {
    let address: ClusterAddress
    let secret: ClusterSecret
    let trackers: Int
    let slots: Int
    let duration: Duration
    let taskDurations: TaskDurations
    let ramp: Duration
    let lose: Int
    let job: SimulatedJob?
    /// How many copies of `job` are submitted at once.
    let jobCount: Int
    let jobTrackerPID: Int32?
    let metricsURL: URL?

    /// The histogram of the JobTracker's processing time per heartbeat.
    static let serviceHistogram = "mapreduce_heartbeat_service_seconds"
    static let journalSyncHistogram = "mapreduce_journal_sync_seconds"

    /// When the trackers stop: every tracker at `end`, the vanishing ones at `vanish`; and when
    /// each vanishing tracker fell silent.
    private final class Deadlines: Sendable {
        let end = Mutex(ContinuousClock.now + .seconds(86_400))
        let vanish = Mutex(ContinuousClock.now + .seconds(86_400))
        let silences = Mutex<[ContinuousClock.Instant]>([])
    }

    /// Runs the simulation and returns its figures.
    func run() async throws -> SimulationReport {
        let statistics = SimulationStatistics()
        let client = ClusterClient(address: address, secret: secret, nodeID: "mrsim-\(getpid())")
        let before = try await client.withConnection { try await client.info(on: $0) }.trackers
        let deadlines = Deadlines()
        return try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<trackers {
                let tracker = SimulatedTracker(
                    id: "sim-\(getpid())-\(index)",
                    jobTracker: address,
                    secret: secret,
                    slots: slots,
                    taskDurations: taskDurations,
                    statistics: statistics
                )
                let vanishes = index < lose
                let delay = ramp * (Double(index) / Double(trackers))
                group.addTask {
                    try await Task.sleep(for: delay)
                    await tracker.run(
                        until: {
                            let end = deadlines.end.withLock { $0 }
                            return vanishes ? min(end, deadlines.vanish.withLock { $0 }) : end
                        },
                        vanishes: vanishes,
                        closesAt: { deadlines.end.withLock { $0 } },
                        fellSilent: { moment in deadlines.silences.withLock { $0.append(moment) } }
                    )
                }
            }
            do {
                try await awaitRegistrations(of: before + trackers, on: client)
                let report = try await measure(statistics, client: client, deadlines: deadlines, trackersBefore: before)
                deadlines.end.withLock { $0 = .now }
                try await group.waitForAll()
                return report
            } catch {
                deadlines.end.withLock { $0 = .now }
                group.cancelAll()
                throw error
            }
        }
    }

    /// Waits until the JobTracker counts `expected` trackers; fails after the ramp and a minute.
    private func awaitRegistrations(of expected: Int, on client: ClusterClient) async throws {
        let deadline = ContinuousClock.now + ramp + .seconds(60)
        try await client.withConnection { connection in
            while try await trackerCount(on: connection) < expected {
                guard ContinuousClock.now < deadline else {
                    throw ClusterError(
                        message: "the JobTracker did not count \(expected) trackers within \(ramp + .seconds(60))"
                    )
                }
                try await Task.sleep(for: .milliseconds(250))
            }
        }
    }

    /// How many trackers the JobTracker counts. It waits up to a minute for the answer rather
    /// than a client's usual 10 s: a JobTracker busy with 10,000 trackers registering can take
    /// longer, and the run should go on to measure that, not fail.
    private func trackerCount(on connection: WireConnection) async throws -> Int {
        try await connection.call(ClusterInfoRequest(), expecting: ClusterInfoReply.self, timeout: .seconds(60))
            .trackers
    }

    /// Measures for the run's duration, running the jobs and losing trackers meanwhile.
    private func measure(
        _ statistics: SimulationStatistics,
        client: ClusterClient,
        deadlines: Deadlines,
        trackersBefore: Int
    ) async throws -> SimulationReport {
        let started = ContinuousClock.now
        let end = started + duration
        let counts = statistics.snapshot()
        let jobTracker = jobTrackerPID.flatMap { ProcessSample.of(pid: $0) }
        let simulator = ProcessSample.ofSelf()
        let serviceBefore = await histograms()
        async let outcomes = runJobs(on: client, until: end)
        async let noticed = loseTrackers(
            deadlines: deadlines,
            client: client,
            expected: trackersBefore + trackers - lose,
            at: started + duration / 2,
            until: end
        )
        let jobOutcomes = try await outcomes
        let firstSubmitted = jobOutcomes.map(\.submitted).min()
        let lostAfter = try await noticed
        if ContinuousClock.now < end { try await Task.sleep(until: end, clock: .continuous) }
        let finished = statistics.snapshot()
        let elapsed = (ContinuousClock.now - started).milliseconds / 1000
        let jobTrackerNow = jobTrackerPID.flatMap { ProcessSample.of(pid: $0) }
        let serviceNow = await histograms()
        var messages: [String: Double] = [:]
        for (type, count) in finished.messages {
            messages[type] = Double(count - (counts.messages[type] ?? 0)) / elapsed
        }
        let startedCount = finished.started.values.reduce(0, +) - counts.started.values.reduce(0, +)
        let startSpan = both(finished.firstStart, finished.lastStart).map { ($1 - $0).milliseconds / 1000 } ?? 0
        let service = serviceNow?.service.since(serviceBefore?.service)
        let journalSync = serviceNow?.journalSync?.since(serviceBefore?.journalSync)
        return SimulationReport(
            trackers: trackers,
            slots: slots,
            seconds: elapsed,
            heartbeatsPerSecond: Double((finished.messages["heartbeat"] ?? 0) - (counts.messages["heartbeat"] ?? 0))
                / elapsed,
            heartbeatRoundTrip: .init(
                Array(finished.heartbeatMilliseconds.dropFirst(counts.heartbeatMilliseconds.count))
            ),
            heartbeatRoundTripAll: .init(
                Array(finished.allHeartbeatMilliseconds.dropFirst(counts.allHeartbeatMilliseconds.count))
            ),
            heartbeatService: service.flatMap(Self.percentiles),
            journalSync: journalSync.flatMap(Self.percentiles),
            tasksStartedPerSecond: startSpan > 0 ? Double(startedCount) / startSpan : 0,
            firstTaskStartSeconds: firstSubmitted.flatMap { submitted in
                finished.firstStart.map { ($0 - submitted).milliseconds / 1000 }
            },
            lastTaskStartSeconds: firstSubmitted.flatMap { submitted in
                finished.lastStart.map { ($0 - submitted).milliseconds / 1000 }
            },
            jobSeconds: firstSubmitted.flatMap { submitted in
                jobOutcomes.map(\.ended).max().map { ($0 - submitted).milliseconds / 1000 }
            },
            jobsSubmitted: jobOutcomes.count,
            jobsCompleted: jobOutcomes.count { $0.state == .succeeded },
            jobOutcome: (jobOutcomes.first { $0.state != .succeeded } ?? jobOutcomes.first).map {
                "\($0.job) \($0.state.rawValue)" + ($0.failure.isEmpty ? "" : ": \($0.failure)")
            } ?? "",
            lostTrackers: lose,
            lostTrackersNoticed: lostAfter == nil ? 0 : lose,
            lostNoticedAfterSeconds: lostAfter,
            jobTrackerCores: both(jobTracker, jobTrackerNow).map { $1.cores(since: $0) },
            jobTrackerRSSMegabytes: jobTrackerNow.map { Double($0.residentBytes) / 1_048_576 },
            jobTrackerPeakRSSMegabytes: jobTrackerNow.map { Double($0.peakResidentBytes) / 1_048_576 },
            simulatorCores: ProcessSample.ofSelf().cores(since: simulator),
            messagesPerSecond: messages,
            errors: finished.errors,
            errorExamples: finished.errorExamples
        )
    }

    /// Runs `jobCount` copies of the job at once, if there is one; the outcomes by submission.
    private func runJobs(
        on client: ClusterClient,
        until end: ContinuousClock.Instant
    ) async throws -> [SimulatedJob.Outcome] {
        guard let job else { return [] }
        return try await withThrowingTaskGroup(of: SimulatedJob.Outcome.self) { group in
            for _ in 0..<jobCount { group.addTask { try await job.run(on: client, until: end) } }
            var outcomes: [SimulatedJob.Outcome] = []
            for try await outcome in group { outcomes.append(outcome) }
            return outcomes.sorted { $0.submitted < $1.submitted }
        }
    }

    /// Makes the first `lose` trackers vanish at `moment`, then asks the JobTracker every 100 ms
    /// how many trackers it counts until `expected`; returns the longest time from a lost
    /// tracker's silence (its last heartbeat answered: a held heartbeat in flight at `moment`
    /// keeps it alive until then) to the JobTracker dropping it, or nil if it did not drop them all
    /// by `end` (or no tracker is to vanish). The trackers' silences and the drops are paired in
    /// order: every tracker has the same expiry, so the first silent is the first dropped. A
    /// tracker not yet known to be silent counts from `moment`, which can only lengthen the time.
    private func loseTrackers(
        deadlines: Deadlines,
        client: ClusterClient,
        expected: Int,
        at moment: ContinuousClock.Instant,
        until end: ContinuousClock.Instant
    ) async throws -> Double? {
        guard lose > 0 else { return nil }
        try await Task.sleep(until: moment, clock: .continuous)
        let vanished = ContinuousClock.now
        deadlines.vanish.withLock { $0 = vanished }
        var drops: [ContinuousClock.Instant] = []
        return try await client.withConnection { connection in
            while ContinuousClock.now < end {
                let gone = expected + lose - (try await trackerCount(on: connection))
                let now = ContinuousClock.now
                while drops.count < min(gone, lose) { drops.append(now) }
                if drops.count == lose {
                    let heard = deadlines.silences.withLock { $0 }
                    let unheard = Array(repeating: vanished, count: max(0, lose - heard.count))
                    return zip((unheard + heard).sorted(), drops).map { ($1 - $0).milliseconds / 1000 }.max()
                }
                try await Task.sleep(for: .milliseconds(100))
            }
            return nil
        }
    }

    /// The JobTracker's heartbeat service histogram and its journal's sync histogram (absent
    /// without a journal) now, if a metrics URL was given and answers.
    private func histograms() async -> (service: PrometheusHistogram, journalSync: PrometheusHistogram?)? {
        guard let metricsURL else { return nil }
        let body = await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: PlainHTTP.get(metricsURL)) }
        }
        guard let body, let service = PrometheusHistogram(named: Self.serviceHistogram, in: body) else { return nil }
        return (service, PrometheusHistogram(named: Self.journalSyncHistogram, in: body))
    }

    /// The median and 99th percentile of `histogram`, in milliseconds.
    private static func percentiles(of histogram: PrometheusHistogram) -> SimulationReport.Percentiles? {
        guard let p50 = histogram.quantile(0.5), let p99 = histogram.quantile(0.99) else { return nil }
        return .init(p50: p50 * 1000, p99: p99 * 1000)
    }
}

/// Both values, when both are there.
private func both<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
    guard let a, let b else { return nil }
    return (a, b)
}
