import Foundation
import MapReduce
import MapReduceEngine
import Testing

@testable import Cluster

/// The rules of a JobTracker restart, without sockets: adopting map outputs a registering tracker
/// still holds, re-running those nobody claims, and the trackers' reconnect backoff.
struct RecoveryStateTests {
    let job = JobID(cluster: "20260101000000", sequence: 3)
    let now = Date(timeIntervalSince1970: 2_000_000)

    /// A state with a resumed job of three maps, of which maps 0 and 1 were committed.
    func resumedState() -> (JobTrackerState, [AttemptID]) {
        var state = JobTrackerState(settings: JobTrackerSettings(reduceSlowstart: 1.0))
        let splits = (0..<3).map { [InputSplit(path: "/in/\($0)", start: 0, length: 10)] }
        var phase = PhaseRecord(index: 0, name: "count", job: job, splits: splits, reduceCount: 1, broadcast: [])
        var locations: [MapOutputLocation] = []
        for index in 0..<2 {
            let attempt = AttemptID(task: TaskID(job: job, phase: 0, kind: .map, index: index), number: 0)
            var record = AttemptRecord(id: attempt, tracker: "", startedAt: now)
            record.state = .succeeded
            phase[attempt.task].attempts = [record]
            phase[attempt.task].state = .succeeded
            locations.append(
                MapOutputLocation(mapIndex: index, attempt: attempt, host: "127.0.0.9", port: 1, segments: [])
            )
        }
        for task in phase.maps.map(\.id) { phase[task].firstAttemptNumber = 2000 }
        let request = SubmitJobRequest(
            job: "wordcount",
            parameters: JobParameters(),
            inputs: ["/in"],
            outputPath: "/out",
            reducers: 1,
            splitSize: 10,
            mapBufferSize: 1024,
            replacesOutput: false
        )
        state.resume(
            JobRecord(id: job, request: request, phaseNames: ["count"], phase: phase, submittedAt: now),
            unadopted: locations
        )
        state.register(TrackerRecord(id: "a", host: "127.0.0.2", shufflePort: 9420, slots: 2, lastHeartbeat: now))
        return (state, locations.map(\.attempt))
    }

    @Test func aRegisteringTrackerThatHoldsAnOutputKeepsItsMapDoneAndItsOldAttemptsAreKilled() {
        var (state, attempts) = resumedState()
        let stale = AttemptID(task: TaskID(job: job, phase: 0, kind: .map, index: 2), number: 0)
        let adopted = state.adoptOutputs([attempts[0]], running: [stale], of: "a")
        #expect(adopted == [attempts[0]])
        let completions = state.completions(of: job, phase: 0, from: 0)
        #expect(completions.locations.map(\.location.attempt) == [attempts[0]])
        #expect(
            completions.locations.first?.location.host == "127.0.0.2",
            "the location moves to the tracker's address"
        )
        #expect(state.takeKills(for: "a") == [stale])
        #expect(state.jobs[job]!.phase.maps[0].attempts[0].tracker == "a")
    }

    @Test func anAnswerHoldsAtMostItsLimitOfOutputsAndTheNextAskGoesOn() {
        var (state, attempts) = resumedState()
        #expect(state.adoptOutputs(attempts, running: [], of: "a") == attempts)
        let first = state.completions(of: job, phase: 0, from: 0, limit: 1)
        #expect(first.locations.map(\.location.attempt) == [attempts[0]] && first.mapCount == 3)
        let next = state.completions(of: job, phase: 0, from: 1, limit: 1)
        #expect(next.locations.map(\.location.attempt) == [attempts[1]])
        #expect(state.completions(of: job, phase: 0, from: 2, limit: 1).locations.isEmpty)
        #expect(state.completions(of: job, phase: 0, from: 0).locations.count == 2)
    }

    @Test func outputsNobodyClaimsRunAgainWithAttemptNumbersOfTheNewEpoch() {
        var (state, attempts) = resumedState()
        _ = state.adoptOutputs([attempts[0]], running: [], of: "a")
        #expect(state.abandonUnadoptedOutputs() == [attempts[1]])
        #expect(state.jobs[job]!.phase.maps[1].state == .pending)
        #expect(state.jobs[job]!.phase.maps[0].state == .succeeded)
        let assigned = state.assign(to: "a", at: now).map(\.attempt)
        #expect(assigned.map(\.task.index) == [1, 2])
        #expect(assigned.allSatisfy { $0.number >= 2000 })
    }

    @Test func trackersRetryAtMostASecondApartForHalfAMinuteThenBackOffFurther() {
        var backoff = ReconnectBackoff()
        let early = (0..<40).map { _ in backoff.delay(elapsed: .seconds(5), random: 0.999) }
        #expect(early.allSatisfy { $0 <= .seconds(1) })
        #expect(early[0] < .milliseconds(101) && early[0] > .milliseconds(99))
        let later = (0..<10).map { _ in backoff.delay(elapsed: .seconds(31), random: 0.999) }
        #expect(later.last! > .seconds(4) && later.last! <= .seconds(5))
        backoff.reset()
        #expect(backoff.delay(elapsed: .zero, random: 0) == .milliseconds(50), "jitter halves the wait at most")
    }
}
