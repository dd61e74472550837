import Foundation
import MapReduce
import MapReduceEngine
import Testing
import Wire

@testable import Cluster

/// What the JobTracker keeps for the console: phases, attempts with their failures, bytes per
/// task, departed trackers, and log lines carried in heartbeats.
struct ConsoleSnapshotTests {
    let job = JobID(cluster: "20260101000000", sequence: 1)
    let now = Date(timeIntervalSince1970: 1_000_000)

    func state() -> JobTrackerState {
        var state = JobTrackerState(settings: JobTrackerSettings(trackerExpiry: .seconds(10), reduceSlowstart: 1.0))
        for name in ["a", "b"] {
            state.register(TrackerRecord(id: name, host: "127.0.0.2", shufflePort: 9420, slots: 2, lastHeartbeat: now))
        }
        let splits = (0..<2).map { [InputSplit(path: "/in/\($0)", start: 0, length: 100)] }
        let request = SubmitJobRequest(
            job: "wordcount",
            parameters: JobParameters(),
            inputs: ["/in"],
            outputPath: "/out",
            reducers: 1,
            splitSize: 100,
            mapBufferSize: 1024,
            replacesOutput: false
        )
        state.add(
            JobRecord(
                id: job,
                request: request,
                phaseNames: ["count"],
                phase: PhaseRecord(index: 0, name: "count", job: job, splits: splits, reduceCount: 1, broadcast: []),
                submittedAt: now
            )
        )
        return state
    }

    @Test func tasksCarryTheirAttemptsFailuresAndBytes() throws {
        var state = state()
        let maps = state.assign(to: "a", at: now).map(\.attempt)
        _ = state.failed(maps[0], error: "boom", log: ["panic: boom", "at line 3"], at: now.addingTimeInterval(1))
        let location = MapOutputLocation(
            mapIndex: 1,
            attempt: maps[1],
            host: "h",
            port: 1,
            segments: [MapOutputSegment(offset: 0, length: 40, records: 4)]
        )
        _ = state.succeeded(
            maps[1],
            counters: Counters(["MAP_INPUT_BYTES": 100, "MAP_OUTPUT_BYTES": 40]),
            location: location,
            at: now.addingTimeInterval(2)
        )
        let phases = try #require(state.phaseStatuses(of: job, now: now.addingTimeInterval(3)))
        #expect(phases.count == 1)
        #expect(phases[0].maps == TaskCounts(phases[0].tasks.filter { $0.kind == "map" }))
        #expect((phases[0].maps.done, phases[0].maps.pending, phases[0].maps.failed) == (1, 1, 1))
        let failed = try #require(phases[0].tasks.first { $0.id == "\(maps[0].task)" })
        #expect(failed.attempts.first?.failure == "boom")
        #expect(failed.attempts.first?.logTail == ["panic: boom", "at line 3"])
        #expect(failed.inputBytes == 100, "a map that has not succeeded counts its split's bytes")
        let done = try #require(phases[0].tasks.first { $0.id == "\(maps[1].task)" })
        #expect((done.inputBytes, done.outputBytes, done.durationSeconds) == (100, 40, 2))

        let retry = try #require(state.assign(to: "b", at: now).first { $0.attempt.task.kind == .map }).attempt
        _ = state.succeeded(
            retry,
            counters: Counters(),
            location: MapOutputLocation(
                mapIndex: 0,
                attempt: retry,
                host: "h",
                port: 1,
                segments: [MapOutputSegment(offset: 0, length: 60, records: 6)]
            ),
            at: now
        )
        let reduce = try #require(state.assign(to: "b", at: now).first { $0.attempt.task.kind == .reduce }).attempt
        state.addOutput(bytes: 77, to: reduce)
        _ = state.succeeded(reduce, counters: Counters(), location: nil, at: now)
        let reduceStatus = try #require(state.phaseStatuses(of: job, now: now)?[0].tasks.first { $0.kind == "reduce" })
        #expect((reduceStatus.inputBytes, reduceStatus.outputBytes) == (100, 77))
    }

    @Test func finishedPhasesStayAndDepartedTrackersAreListed() throws {
        var state = state()
        state.startPhase(
            PhaseRecord(index: 1, name: "apply", job: job, splits: [], reduceCount: 1, broadcast: []),
            of: job
        )
        #expect(state.phaseStatuses(of: job, now: now)?.map(\.name) == ["count", "apply"])
        _ = state.heard(from: "b", acceptsTasks: false, at: now.addingTimeInterval(11))
        #expect(state.expireTrackers(at: now.addingTimeInterval(11)) == ["a"])
        let trackers = state.trackerStatuses()
        #expect(trackers.map(\.id) == ["b", "a"])
        #expect(trackers.map(\.state) == [.draining, .lost])
        #expect(trackers[1].reason == "lost")
        state.register(TrackerRecord(id: "a", host: "127.0.0.2", shufflePort: 9420, slots: 2, lastHeartbeat: now))
        #expect(state.trackerStatuses().map(\.state) == [.live, .draining])
    }

    @Test func unfinishedTasksOfAnEndedJobAreFailedOrKilled() throws {
        var state = state()
        let maps = state.assign(to: "a", at: now).map(\.attempt)
        _ = state.failed(maps[0], error: "boom", at: now)
        state.finish(job, as: .failed, failure: "boom", log: [], at: now)
        let tasks = try #require(state.phaseStatuses(of: job, now: now)?[0].tasks)
        #expect(tasks.map(\.state) == ["failed", "killed", "killed"])
    }

    @Test func heartbeatsCarryLogLinesAndOldOnesDecodeWithout() throws {
        let line = LogRecord(
            time: 1.5,
            level: "info",
            source: "t1",
            job: "job_1_1",
            message: "attempt started attempt=x"
        )
        let heartbeat = HeartbeatRequest(
            tracker: "t1",
            freeSlots: 1,
            acceptsTasks: true,
            reports: [],
            logs: [line, line]
        )
        #expect(try HeartbeatRequest(decoding: heartbeat.encodedBuffer()).logs == [line, line])
        var old = WireWriter()
        old.write("t1")
        old.write(1)
        old.write(true)
        old.write([AttemptReport]())
        #expect(try HeartbeatRequest(decoding: old.buffer).logs.isEmpty)
    }
}
