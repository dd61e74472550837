import Foundation
import MapReduce
import MapReduceEngine
import Testing

@testable import Cluster

/// The rules that keep the JobTracker's work per heartbeat flat as clusters and jobs grow: task
/// indexes kept by difference, fair sharing between jobs, a heartbeat interval and tracker expiry
/// that grow with the cluster, a cap on default reduces, and a bounded list of ended jobs.
struct SchedulingAtScaleTests {
    let now = Date(timeIntervalSince1970: 1_000_000)

    func request(reducers: Int = 2, parameters: [String: String] = [:]) -> SubmitJobRequest {
        SubmitJobRequest(
            job: "wordcount",
            parameters: JobParameters(parameters),
            inputs: ["/in"],
            outputPath: "/out",
            reducers: reducers,
            splitSize: 10,
            mapBufferSize: 1024,
            replacesOutput: false
        )
    }

    func job(_ sequence: Int, maps: Int, reduces: Int = 1, weight: String? = nil) -> JobRecord {
        let id = JobID(cluster: "20260101000000", sequence: sequence)
        let splits = (0..<maps).map { [InputSplit(path: "/in/\($0)", start: 0, length: 10)] }
        return JobRecord(
            id: id,
            request: request(reducers: reduces, parameters: weight.map { [JobWeight.parameter: $0] } ?? [:]),
            phaseNames: ["count"],
            phase: PhaseRecord(index: 0, name: "count", job: id, splits: splits, reduceCount: reduces, broadcast: []),
            submittedAt: now
        )
    }

    func state(trackers: Int, slots: Int = 2, settings: JobTrackerSettings = JobTrackerSettings()) -> JobTrackerState {
        var state = JobTrackerState(settings: settings)
        for index in 0..<trackers {
            state.register(
                TrackerRecord(id: "t\(index)", host: "127.0.0.2", shufflePort: 1, slots: slots, lastHeartbeat: now)
            )
        }
        return state
    }

    /// Recounts what the phase's indexes hold by scanning its tasks.
    func expectIndexesMatchAScan(_ phase: PhaseRecord, sourceLocation: SourceLocation = #_sourceLocation) {
        for (tasks, index) in [(phase.maps, phase.mapIndex), (phase.reduces, phase.reduceIndex)] {
            #expect(index.pending == tasks.count { $0.state == .pending }, sourceLocation: sourceLocation)
            #expect(index.running == tasks.count { $0.state == .running }, sourceLocation: sourceLocation)
            #expect(index.succeeded == tasks.count { $0.state == .succeeded }, sourceLocation: sourceLocation)
            let running = tasks.flatMap(\.runningAttempts)
            #expect(index.runningAttempts == running.count, sourceLocation: sourceLocation)
            #expect(
                index.runningByTracker == Dictionary(grouping: running, by: \.tracker).mapValues(\.count),
                sourceLocation: sourceLocation
            )
            #expect(
                index.runningTasks == Set(tasks.indices.filter { tasks[$0].state == .running }),
                sourceLocation: sourceLocation
            )
            let firstPending = tasks.firstIndex { $0.state == .pending } ?? tasks.count
            #expect(index.firstPending <= firstPending, sourceLocation: sourceLocation)
            #expect(
                tasks[index.firstPending..<firstPending].allSatisfy { $0.state != .pending },
                sourceLocation: sourceLocation
            )
        }
    }

    @Test func theIndexesEqualAScanAfterEveryKindOfChange() {
        var state = state(trackers: 3)
        let record = job(1, maps: 8, reduces: 2)
        state.add(record)
        let id = record.id
        var clock = now
        for round in 0..<12 {
            clock += 1
            for tracker in ["t0", "t1", "t2"] {
                for assignment in state.assign(to: tracker, at: clock) {
                    let attempt = assignment.attempt
                    switch (round + attempt.task.index) % 4 {
                    case 0:
                        _ = state.failed(attempt, error: "boom", at: clock)
                    case 1:
                        _ = state.handedBack(attempt, at: clock)
                    default:
                        _ = state.succeeded(
                            attempt,
                            counters: Counters(),
                            location: MapOutputLocation(
                                mapIndex: attempt.task.index,
                                attempt: attempt,
                                host: "127.0.0.2",
                                port: 1,
                                segments: []
                            ),
                            at: clock
                        )
                    }
                    expectIndexesMatchAScan(state.jobs[id]!.phase)
                }
            }
            if round == 5 {
                state.loseTracker("t1", reason: "lost", at: clock)
                expectIndexesMatchAScan(state.jobs[id]!.phase)
            }
        }
        let outputs = state.jobs[id]!.phase.mapIndex.outputsByTracker
        let maps = state.jobs[id]!.phase.maps
        let holders = maps.indices.compactMap { index -> (String, Int)? in
            guard maps[index].state == .succeeded,
                let holder = maps[index].attempts.last(where: { $0.state == .succeeded })?.tracker
            else { return nil }
            return (holder, index)
        }
        #expect(outputs == Dictionary(grouping: holders, by: \.0).mapValues { Set($0.map(\.1)) })
        let phase = state.jobs[id]!.phase
        let needed = state.jobs[id]!.state == .running && phase.reducesDone < phase.reduces.count
        #expect(state.mapOutputsNeeded(on: "t0") == (outputs["t0"] != nil && needed))
    }

    @Test func aSmallJobSubmittedAfterALargeOneGetsTheNextFreeSlots() {
        var state = state(trackers: 2)
        let large = job(1, maps: 1000)
        let small = job(2, maps: 2)
        state.add(large)
        _ = state.assign(to: "t0", at: now)
        state.add(small)
        let assigned = state.assign(to: "t1", at: now)
        #expect(assigned.map(\.job) == [small.id, small.id], "the job furthest below its share goes first")
        let shares = state.fairShares
        #expect(shares[small.id] == 3, "its demand: two maps and a reduce")
        #expect(shares[large.id] == 5, "the rest of the 8 slots")
        #expect(state.report(small.id, now: now)?.runningAttempts == 2)
        #expect(state.report(small.id, now: now)?.fairShare == 3)
    }

    @Test func aJobOfWeightThreeRunsThreeTimesTheAttempts() {
        var state = state(trackers: 4)
        let light = job(1, maps: 1000)
        let heavy = job(2, maps: 1000, weight: "3")
        state.add(light)
        state.add(heavy)
        for tracker in 0..<4 { _ = state.assign(to: "t\(tracker)", at: now) }
        #expect(state.report(light.id, now: now)?.runningAttempts == 2)
        #expect(state.report(heavy.id, now: now)?.runningAttempts == 6)
        #expect(state.fairShares == [light.id: 4, heavy.id: 12], "16 map and reduce slots split 1 to 3")
    }

    @Test func weightedSharesFillTheSmallestDemandsForTheirWeightFirst() {
        #expect(FairShare.divide(12, among: [100, 100], weights: [1, 2]) == [4, 8])
        #expect(FairShare.divide(12, among: [3, 100], weights: [3, 1]) == [3, 9])
        let shares = FairShare.divide(12, among: [2, 100, 100], weights: [1, 1, 2])
        #expect(shares[0] == 2)
        #expect(abs(shares[1] - 10.0 / 3) < 1e-9 && abs(shares[2] - 20.0 / 3) < 1e-9)
        #expect(FairShare.divide(10, among: [1, 100, 100], weights: [1, 1, 1]) == [1, 4.5, 4.5])
    }

    @Test(arguments: ["0", "-1", "abc", "1001", "nan"])
    func aWeightOutsideTheAcceptedRangeIsRefused(weight: String) {
        #expect(throws: InputError.self) { try JobWeight.check(JobParameters([JobWeight.parameter: weight])) }
        #expect(job(1, maps: 1, weight: weight).weight == 1, "a journal's job that holds one weighs 1")
    }

    @Test func fairSharesFillTheSmallestDemandsFirst() {
        #expect(FairShare.divide(10, among: [1, 100, 100]) == [1, 4.5, 4.5])
        #expect(FairShare.divide(10, among: [2, 3]) == [2, 3])
        #expect(FairShare.divide(6, among: [10, 10, 10]) == [2, 2, 2])
        #expect(FairShare.divide(0, among: [1]) == [0])
        #expect(FairShare.divide(4, among: []).isEmpty)
    }

    @Test func theHeartbeatIntervalGrowsWithTheClusterUpToFiveSeconds() {
        let settings = JobTrackerSettings(heartbeatInterval: .seconds(1), heartbeatsPerSecond: 1000)
        #expect(settings.heartbeatInterval(forTrackers: 3) == .seconds(1))
        #expect(settings.heartbeatInterval(forTrackers: 1000) == .seconds(1))
        #expect(settings.heartbeatInterval(forTrackers: 2500) == .milliseconds(2500))
        #expect(settings.heartbeatInterval(forTrackers: 5000) == .seconds(5))
        #expect(settings.heartbeatInterval(forTrackers: 10_000) == .seconds(5))
        #expect(settings.trackerExpiry(forTrackers: 3) == .seconds(10))
        #expect(settings.trackerExpiry(forTrackers: 5000) == .seconds(15))
        let slow = JobTrackerSettings(heartbeatInterval: .seconds(8))
        #expect(slow.heartbeatInterval(forTrackers: 10_000) == .seconds(8), "a configured interval is never shortened")
    }

    @Test func anIdleHeartbeatIsHeldForTheIntervalLessUpToATenthAtRandom() {
        let settings = JobTrackerSettings(heartbeatInterval: .seconds(1), heartbeatsPerSecond: 1000)
        #expect(settings.heartbeatHold(forTrackers: 5000, jitter: 0) == .seconds(5))
        #expect(settings.heartbeatHold(forTrackers: 5000, jitter: 1) == .milliseconds(4500))
        #expect(settings.heartbeatHold(forTrackers: 3, jitter: 0.5) == .milliseconds(950))
        #expect(settings.heartbeatHold(forTrackers: 3, jitter: 7) == .milliseconds(900), "the jitter is clamped")
    }

    /// Losing one tracker of many sends back its running attempts and no others': it reads only
    /// the running tasks with an attempt on it.
    @Test func losingOneTrackerOfManyRequeuesOnlyItsAttempts() {
        var state = state(trackers: 500)
        let record = job(1, maps: 2000, reduces: 0)
        state.add(record)
        for index in 0..<500 { _ = state.assign(to: "t\(index)", at: now) }
        #expect(state.jobs[record.id]!.phase.mapIndex.running == 1000)
        let lost = state.jobs[record.id]!.phase.runningTaskIDs(on: "t7")
        #expect(lost.count == 2)
        #expect(lost == lost.sorted { $0.index < $1.index })

        state.loseTracker("t7", reason: "lost", at: now + 1)
        let phase = state.jobs[record.id]!.phase
        #expect(phase.mapIndex.running == 998)
        #expect(lost.allSatisfy { phase[$0].state == .pending })
        #expect(phase.runningTaskIDs(on: "t7").isEmpty)
        #expect(phase.runningTaskIDs(on: "t8").count == 2)
        expectIndexesMatchAScan(phase)
    }

    @Test func aLargeClusterKeepsTrackersThatHeartbeatWithinTheGrownInterval() {
        var state = state(trackers: 5000)
        #expect(state.expireTrackers(at: now + 12).isEmpty, "the expiry grew to three 5 s intervals")
        #expect(state.expireTrackers(at: now + 16).count == 5000)
    }

    @Test func defaultReducesAreCappedBySetting() {
        let settings = JobTrackerSettings(maximumDefaultReducers: 100)
        #expect(settings.defaultReducers(forSlots: 1) == 2)
        #expect(settings.defaultReducers(forSlots: 40) == 40)
        #expect(settings.defaultReducers(forSlots: 20_000) == 100)
    }

    @Test func heartbeatRepliesNameOnlyRecentlyEndedJobs() {
        var state = state(trackers: 1)
        let record = job(1, maps: 1)
        state.add(record)
        state.finish(record.id, as: .killed, at: now)
        #expect(state.recentlyFinished.map(\.job) == [record.id])
        _ = state.expireTrackers(at: now + 5)
        #expect(state.recentlyFinished.map(\.job) == [record.id])
        state.register(TrackerRecord(id: "t0", host: "127.0.0.2", shufflePort: 1, slots: 2, lastHeartbeat: now + 25))
        _ = state.expireTrackers(at: now + 25)
        #expect(state.recentlyFinished.isEmpty, "two expiries later a tracker that missed it has re-registered")
        #expect(state.runningJobs.isEmpty)
    }
}
