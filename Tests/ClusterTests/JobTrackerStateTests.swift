import Foundation
import MapReduce
import MapReduceEngine
import Testing

@testable import Cluster

/// The JobTracker's scheduling and failure rules, without sockets.
struct JobTrackerStateTests {
    let job = JobID(cluster: "20260101000000", sequence: 1)
    let now = Date(timeIntervalSince1970: 1_000_000)

    func state(maxAttempts: Int = 4, slowstart: Double = 1.0) -> JobTrackerState {
        var state = JobTrackerState(
            settings: JobTrackerSettings(
                trackerExpiry: .seconds(10),
                maxAttempts: maxAttempts,
                reduceSlowstart: slowstart,
                taskTimeout: .seconds(60),
                speculationMinimumRuntime: .seconds(10)
            )
        )
        for name in ["a", "b"] {
            state.register(
                TrackerRecord(
                    id: name,
                    host: "127.0.0.\(name == "a" ? 2 : 3)",
                    shufflePort: 9420,
                    slots: 2,
                    lastHeartbeat: now
                )
            )
        }
        let splits = (0..<3).map { [InputSplit(path: "/in/\($0)", start: 0, length: 10)] }
        let request = SubmitJobRequest(
            job: "wordcount",
            parameters: JobParameters(),
            inputs: ["/in"],
            outputPath: "/out",
            reducers: 2,
            splitSize: 10,
            mapBufferSize: 1024,
            replacesOutput: false
        )
        state.add(
            JobRecord(
                id: job,
                request: request,
                phaseNames: ["count"],
                phase: PhaseRecord(index: 0, name: "count", job: job, splits: splits, reduceCount: 2, broadcast: []),
                submittedAt: now
            )
        )
        return state
    }

    func location(_ attempt: AttemptID, host: String) -> MapOutputLocation {
        MapOutputLocation(mapIndex: attempt.task.index, attempt: attempt, host: host, port: 9420, segments: [])
    }

    @Test func mapsAreAssignedBeforeReducesAndSlotsAreRespected() {
        var state = state()
        let first = state.assign(to: "a", at: now)
        #expect(first.map(\.attempt.task.kind) == [.map, .map])
        let second = state.assign(to: "b", at: now)
        #expect(second.map(\.attempt.task.index) == [2])
        #expect(state.assign(to: "a", at: now).isEmpty)
    }

    @Test func reducesWaitForTheSlowstartFraction() {
        var state = state(slowstart: 1.0)
        let maps = state.assign(to: "a", at: now) + state.assign(to: "b", at: now)
        for attempt in maps.prefix(2).map(\.attempt) {
            let complete = state.succeeded(
                attempt,
                counters: Counters(),
                location: location(attempt, host: "h"),
                at: now
            )
            #expect(!complete)
        }
        #expect(state.assign(to: "a", at: now).isEmpty)
        _ = state.succeeded(
            maps[2].attempt,
            counters: Counters(),
            location: location(maps[2].attempt, host: "h"),
            at: now
        )
        let reduces = state.assign(to: "a", at: now)
        #expect(reduces.map(\.attempt.task.kind) == [.reduce, .reduce])
        #expect(state.completions(of: job, phase: 0, from: 1).locations.count == 2)
        var complete = false
        for attempt in reduces.map(\.attempt) {
            complete = state.succeeded(
                attempt,
                counters: Counters(["REDUCE_OUTPUT_RECORDS": 5]),
                location: nil,
                at: now
            )
        }
        #expect(complete)
        #expect(state.jobs[job]!.counters["REDUCE_OUTPUT_RECORDS"] == 10)
    }

    @Test func failedAttemptsAreRetriedThenFailTheJob() {
        var state = state(maxAttempts: 2)
        let attempt = state.assign(to: "a", at: now)[0].attempt
        let firstFailure = state.failed(attempt, error: "boom", at: now)
        #expect(firstFailure == nil)
        #expect(
            !state.assign(to: "a", at: now).contains { $0.attempt.task == attempt.task },
            "a retry goes elsewhere when it can"
        )
        let retry = state.assign(to: "b", at: now).first { $0.attempt.task == attempt.task }!.attempt
        #expect(retry.number == 1)
        let failure = state.failed(retry, error: "boom again", at: now)
        #expect(failure == "\(attempt.task) failed 2 times; last error: boom again")
    }

    @Test func onlyOneAttemptOfATaskCommits() {
        var state = state()
        let attempt = state.assign(to: "a", at: now)[0].attempt
        #expect(state.mayCommit(attempt))
        _ = state.succeeded(attempt, counters: Counters(), location: location(attempt, host: "h"), at: now)
        #expect(!state.mayCommit(attempt))
        let again = state.succeeded(attempt, counters: Counters(), location: nil, at: now)
        #expect(!again)
    }

    @Test func aLostTrackersWorkIsRunAgain() {
        var state = state()
        let onA = state.assign(to: "a", at: now)
        _ = state.assign(to: "b", at: now)
        _ = state.succeeded(
            onA[0].attempt,
            counters: Counters(),
            location: location(onA[0].attempt, host: "a"),
            at: now
        )
        let heard = state.heard(from: "b", acceptsTasks: true, at: now.addingTimeInterval(11))
        #expect(heard)
        let lost = state.expireTrackers(at: now.addingTimeInterval(11))
        #expect(lost == ["a"])
        #expect(state.runningAttempts(on: "a") == 0)
        let rerun = state.assign(to: "b", at: now.addingTimeInterval(11)).map(\.attempt)
        #expect(rerun.map(\.task.index) == [0])
        #expect(rerun.allSatisfy { $0.number == 1 })
        #expect(state.jobs[job]!.phase.maps[1].state == .pending)
        #expect(state.jobs[job]!.failedAttempts == 0)
    }

    @Test func aMapIsRunAgainWhenEnoughReducesCannotFetchIt() {
        var state = state()
        let maps = state.assign(to: "a", at: now).map(\.attempt) + state.assign(to: "b", at: now).map(\.attempt)
        for map in maps { _ = state.succeeded(map, counters: Counters(), location: location(map, host: "h"), at: now) }
        let reduces = state.assign(to: "a", at: now).map(\.attempt)
        #expect(reduces.count == 2)
        let first = state.fetchFailed(maps[0], reportedBy: reduces[0])
        let repeated = state.fetchFailed(maps[0], reportedBy: reduces[0])
        #expect(!first && !repeated, "one reduce of two is not enough")
        let second = state.fetchFailed(maps[0], reportedBy: reduces[1])
        #expect(second)
        #expect(state.jobs[job]!.phase.maps[0].state == .pending)
        let rerun = state.assign(to: "b", at: now).map(\.attempt)
        #expect(rerun == [AttemptID(task: maps[0].task, number: 1)])
        let stale = state.fetchFailed(maps[0], reportedBy: reduces[1])
        #expect(!stale, "reports about an output already being replaced change nothing")
    }

    @Test func aTrackerThatFailsAJobThreeTimesGetsNoMoreOfItsTasks() {
        var state = state(maxAttempts: 10)
        for _ in 0..<2 {
            for attempt in state.assign(to: "a", at: now).map(\.attempt) {
                _ = state.failed(attempt, error: "bad disk", at: now)
            }
        }
        #expect(state.jobs[job]!.blacklistedTrackers == ["a"])
        #expect(state.assign(to: "a", at: now).isEmpty)
        #expect(!state.assign(to: "b", at: now).isEmpty)
        #expect(state.report(job, now: now)?.blacklistedTrackers == ["a"])
    }

    @Test func attemptsWithoutProgressFailAndAreKilled() {
        var state = state()
        let attempts = state.assign(to: "a", at: now).map(\.attempt)
        state.progress(attempts[0], records: 100, at: now.addingTimeInterval(50))
        let failures = state.failStalledAttempts(at: now.addingTimeInterval(61))
        #expect(failures.isEmpty)
        #expect(state.takeKills(for: "a") == [attempts[1]])
        #expect(state.jobs[job]!.phase.maps[1].lastFailure == "no progress for 60 s")
        #expect(state.jobs[job]!.phase.maps[0].state == .running)
    }

    /// A job whose maps started together on trackers "a" and "b" and all finished after 2 s but
    /// the first, on "a"; with the maps those attempts ran.
    func stateWithAStraggler() -> (JobTrackerState, [AttemptID]) {
        var state = state()
        let maps = state.assign(to: "a", at: now).map(\.attempt) + state.assign(to: "b", at: now).map(\.attempt)
        for map in maps.dropFirst() {
            _ = state.succeeded(
                map,
                counters: Counters(),
                location: location(map, host: "h"),
                at: now.addingTimeInterval(2)
            )
        }
        return (state, maps)
    }

    /// A look for stragglers that finds none notes the oldest running attempt's start, and the
    /// heartbeats after it skip the look until that attempt could be a straggler; it then still
    /// gets its backup.
    @Test func aLookForStragglersRemembersTheOldestStart() {
        var (state, maps) = stateWithAStraggler()
        #expect(state.assign(to: "b", at: now.addingTimeInterval(5)).isEmpty, "not before the minimum runtime")
        #expect(state.stragglerFloors[job]?[.map] == now, "the straggler-to-be started at the start")
        #expect(state.assign(to: "b", at: now.addingTimeInterval(9)).isEmpty)
        let backups = state.assign(to: "b", at: now.addingTimeInterval(30)).map(\.attempt)
        #expect(backups == [AttemptID(task: maps[0].task, number: 1)])
        #expect(state.stragglerFloors[job]?[.map] == now.addingTimeInterval(30), "no attempt without a backup runs")
    }

    @Test func aStragglerGetsOneBackupAndTheLoserIsKilled() {
        var (state, maps) = stateWithAStraggler()
        #expect(
            state.speculativeCandidates(in: state.jobs[job]!, for: "b", at: now.addingTimeInterval(5)).isEmpty,
            "not before the minimum runtime"
        )
        #expect(
            state.speculativeCandidates(in: state.jobs[job]!, for: "a", at: now.addingTimeInterval(30)).isEmpty,
            "never on its own tracker"
        )
        let backups = state.assign(to: "b", at: now.addingTimeInterval(30)).map(\.attempt)
        #expect(backups == [AttemptID(task: maps[0].task, number: 1)])
        #expect(
            state.speculativeCandidates(in: state.jobs[job]!, for: "b", at: now.addingTimeInterval(40)).isEmpty,
            "one backup only"
        )
        _ = state.succeeded(
            backups[0],
            counters: Counters(),
            location: location(backups[0], host: "h"),
            at: now.addingTimeInterval(31)
        )
        #expect(state.takeKills(for: "a") == [maps[0]])
        #expect(!state.mayCommit(maps[0]))
    }

    /// Reduces start at the slowstart fraction beside running maps, in slots of their own, so a
    /// map that must run again finds a slot even when reduces fill a tracker.
    @Test func reducesTakeTheirOwnSlotsBesideMaps() {
        var state = state(slowstart: 0.5)
        let onA = state.assign(to: "a", at: now).map(\.attempt)
        let onB = state.assign(to: "b", at: now).map(\.attempt)
        #expect(onA.map(\.task.kind) == [.map, .map] && onB.map(\.task.kind) == [.map])
        _ = state.succeeded(onA[0], counters: Counters(), location: location(onA[0], host: "h"), at: now)
        #expect(state.assign(to: "a", at: now).isEmpty, "one map of three is below the slowstart fraction")
        _ = state.succeeded(onA[1], counters: Counters(), location: location(onA[1], host: "h"), at: now)
        let reduces = state.assign(to: "a", at: now).map(\.attempt)
        #expect(reduces.map(\.task.kind) == [.reduce, .reduce], "reduces start while map 2 still runs")
        state.loseTracker("b", reason: "lost")
        #expect(
            state.assign(to: "a", at: now).map(\.attempt.task) == [onB[0].task],
            "the lost map runs beside the reduces"
        )
    }

    @Test func finishingAJobKillsItsRunningAttempts() {
        var state = state()
        let attempts = state.assign(to: "a", at: now).map(\.attempt)
        let killed = state.finish(job, as: .killed, failure: "killed by request", at: now)
        #expect(Set(killed) == Set(attempts))
        #expect(state.report(job, now: now)?.state == .killed)
        #expect(state.completions(of: job, phase: 0, from: 0).failure == "job \(job) killed")
        let unknown = state.heard(from: "nobody", acceptsTasks: true, at: now)
        #expect(!unknown)
    }

    @Test func aTrackerThatJoinsMidJobGetsWorkAtItsNextHeartbeat() {
        var state = state()
        #expect(state.assign(to: "a", at: now).count == 2)
        state.register(TrackerRecord(id: "c", host: "127.0.0.4", shufflePort: 9420, slots: 2, lastHeartbeat: now))
        #expect(state.schedulableSlots == 6)
        let heard = state.heard(from: "c", acceptsTasks: true, at: now.addingTimeInterval(1))
        #expect(heard)
        let joined = state.assign(to: "c", at: now.addingTimeInterval(1)).map(\.attempt)
        #expect(joined == [AttemptID(task: TaskID(job: job, phase: 0, kind: .map, index: 2), number: 0)])
        #expect(state.assign(to: "b", at: now.addingTimeInterval(1)).isEmpty, "the new tracker took the pending map")
    }

    @Test func theSlotSumsFollowTrackersComingGoingAndDraining() {
        var state = state()
        #expect(state.registeredSlots == 4 && state.schedulableSlots == 4)
        _ = state.heard(from: "a", acceptsTasks: false, at: now)
        _ = state.heard(from: "a", acceptsTasks: false, at: now)
        #expect(
            state.registeredSlots == 4 && state.schedulableSlots == 2,
            "a second draining heartbeat changes nothing"
        )
        state.register(TrackerRecord(id: "a", host: "127.0.0.2", shufflePort: 9420, slots: 3, lastHeartbeat: now))
        #expect(state.registeredSlots == 5 && state.schedulableSlots == 5, "re-registered with 3 slots, taking tasks")
        state.loseTracker("b", reason: "lost", at: now)
        #expect(state.registeredSlots == 3 && state.schedulableSlots == 3)
        #expect(state.expireTrackers(at: now.addingTimeInterval(3600)) == ["a"])
        #expect(state.registeredSlots == 0 && state.schedulableSlots == 0)
    }

    @Test func aDrainingTrackerGetsNoTasksAndItsHandedBackAttemptsRunElsewhereWithoutAFailure() {
        var state = state()
        let onA = state.assign(to: "a", at: now).map(\.attempt)
        let heard = state.heard(from: "a", acceptsTasks: false, at: now)
        #expect(heard)
        #expect(state.schedulableSlots == 2, "a draining tracker's slots no longer count")
        #expect(state.registeredSlots == 4, "a draining tracker is still registered")
        #expect(state.assign(to: "a", at: now).isEmpty)
        let handedBack = state.handedBack(onA[0], at: now)
        let twice = state.handedBack(onA[0], at: now)
        #expect(handedBack && !twice)
        let task = state.jobs[job]!.phase.maps[onA[0].task.index]
        #expect(task.state == .pending && task.failures == 0)
        #expect(state.jobs[job]!.failedAttempts == 0)
        #expect(state.runningAttempts(on: "a") == 1)
        let elsewhere = state.assign(to: "b", at: now).map(\.attempt)
        #expect(elsewhere.contains(AttemptID(task: onA[0].task, number: 1)), "the handed-back map runs again on b")
        #expect(!state.mayCommit(onA[0]), "the handed-back attempt can no longer commit")
    }

    @Test func mapOutputsAreNeededUntilEveryReduceOfThePhaseIsDone() {
        var state = state()
        let maps = state.assign(to: "a", at: now).map(\.attempt) + state.assign(to: "b", at: now).map(\.attempt)
        #expect(!state.mapOutputsNeeded(on: "a"), "running maps have no output yet")
        for map in maps { _ = state.succeeded(map, counters: Counters(), location: location(map, host: "h"), at: now) }
        #expect(state.mapOutputsNeeded(on: "a") && state.mapOutputsNeeded(on: "b"))
        #expect(!state.mapOutputsNeeded(on: "c"), "a tracker that ran no map holds no output")
        let reduces = state.assign(to: "b", at: now).map(\.attempt)
        #expect(reduces.count == 2)
        _ = state.succeeded(reduces[0], counters: Counters(), location: nil, at: now)
        #expect(state.mapOutputsNeeded(on: "a"), "one reduce is still running")
        let complete = state.succeeded(reduces[1], counters: Counters(), location: nil, at: now)
        #expect(complete)
        #expect(!state.mapOutputsNeeded(on: "a") && !state.mapOutputsNeeded(on: "b"))
    }

    @Test func aTrackerLeavingWhileItsOutputsAreNeededHasItsMapsRunAgainWithoutAFailure() {
        var state = state()
        let maps = state.assign(to: "a", at: now).map(\.attempt) + state.assign(to: "b", at: now).map(\.attempt)
        for map in maps { _ = state.succeeded(map, counters: Counters(), location: location(map, host: "h"), at: now) }
        let reduces = state.assign(to: "b", at: now).map(\.attempt)
        state.loseTracker("a", reason: "deregistered")
        #expect(state.trackers["a"] == nil)
        #expect(state.jobs[job]!.phase.maps.filter { $0.state == .pending }.map(\.id.index) == [0, 1])
        #expect(state.jobs[job]!.failedAttempts == 0)
        #expect(state.mayCommit(reduces[0]), "the reduce on b keeps running and waits for the new outputs")
        let rerun = state.assign(to: "b", at: now).map(\.attempt)
        #expect(
            rerun == [AttemptID(task: maps[0].task, number: 1), AttemptID(task: maps[1].task, number: 1)],
            "b's reduces hold reduce slots, not map slots"
        )
    }
}
