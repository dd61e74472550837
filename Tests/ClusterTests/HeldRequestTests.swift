import Foundation
import MapReduce
import TestSupport
import Testing
import Wire

@testable import Cluster

/// The JobTracker holds status and map-completion requests until there is news, and answers
/// them the moment there is, instead of leaving clients and reduces to poll.
struct HeldRequestTests {
    /// A JobTracker actor with one running word-count job and no trackers, which holds an idle
    /// heartbeat for up to `heartbeatInterval`.
    func trackerWithJob(
        in directory: TemporaryDirectory,
        heartbeatInterval: Duration = .seconds(1)
    ) async throws -> (JobTracker, JobID) {
        let tracker = try JobTrackerFixture.jobTracker(in: directory, heartbeatInterval: heartbeatInterval)
        return (tracker, try await tracker.submit(try JobTrackerFixture.wordCount(in: directory)))
    }

    @Test func aWaitEndsAtItsDeadlineWhenNothingChanges() async throws {
        let directory = try TemporaryDirectory("held")
        let (tracker, _) = try await trackerWithJob(in: directory)
        let started = ContinuousClock.now
        await tracker.wait(for: [.work], until: started + .milliseconds(150))
        #expect(ContinuousClock.now - started >= .milliseconds(150))
        let passed = ContinuousClock.now
        await tracker.wait(for: [.work], until: passed - .seconds(1))
        #expect(ContinuousClock.now - passed < .seconds(1), "a deadline already passed ends the wait at once")
    }

    /// A wait with an earlier deadline than those already held ends at its own deadline, not at
    /// theirs: the one timer of the held requests moves earlier. The long wait's deadline is an
    /// hour away, so that however slowly a loaded machine runs the test, only the short one's
    /// deadline can end it (and a timer that did not move would fail the time limit).
    @Test(.timeLimit(.minutes(5))) func anEarlierDeadlineEndsItsWaitFirst() async throws {
        let directory = try TemporaryDirectory("held")
        let (tracker, _) = try await trackerWithJob(in: directory)
        let started = ContinuousClock.now
        let long = Task { await tracker.wait(for: [.work], until: started + .seconds(3600)) }
        while await tracker.heldRequests < 1 { await Task.yield() }
        await tracker.wait(for: [.work], until: started + .milliseconds(150))
        let waited = ContinuousClock.now - started
        #expect(waited >= .milliseconds(150), "the short wait took \(waited)")
        #expect(await tracker.heldRequests == 1, "the long wait is still held")
        await tracker.notify(.work)
        await long.value
        #expect(await tracker.heldRequests == 0)
    }

    /// An idle tracker's heartbeat is held while there is no work for it, and hears of a new job
    /// at once.
    @Test(.timeLimit(.minutes(5))) func aHeldHeartbeatWakesForNewWork() async throws {
        let directory = try TemporaryDirectory("held")
        // A hold of up to an hour, so that on a loaded machine only the new work can end it.
        let (tracker, job) = try await trackerWithJob(in: directory, heartbeatInterval: .seconds(3600))
        for name in ["busy", "idle"] {
            _ = await tracker.register(JobTrackerFixture.registration(of: name, in: directory))
        }
        let (setup, _) = try await tracker.heartbeat(
            HeartbeatRequest(tracker: "busy", freeSlots: 1, acceptsTasks: true, reports: []),
            holdingFrom: .now
        )
        #expect(setup.assignments.map(\.attempt.task.kind) == [.setup])
        let idle = Task {
            try await tracker.heartbeat(
                HeartbeatRequest(tracker: "idle", freeSlots: 1, acceptsTasks: true, reports: []),
                holdingFrom: ContinuousClock.now
            )
        }
        while await tracker.heldRequests == 0 { try await Task.sleep(for: .milliseconds(10)) }
        try await Task.sleep(for: .milliseconds(100))
        let submitted = ContinuousClock.now
        let second = try await tracker.submit(
            SubmitJobRequest(
                job: "wordcount",
                parameters: JobParameters(),
                inputs: [directory.file("in/words.txt")],
                outputPath: directory.file("out2"),
                reducers: 1,
                splitSize: 1 << 20,
                mapBufferSize: 1 << 20,
                replacesOutput: false
            )
        )
        let (reply, held) = try await idle.value
        #expect(ContinuousClock.now - submitted < .seconds(3000), "new work ends the hold")
        #expect(held >= .milliseconds(50), "held while there was no work: \(held)")
        #expect(reply.assignments.map(\.attempt.task.job) == [second])
        #expect(job != second)
    }

    @Test func aHeldStatusIsAnsweredWhenTheJobEnds() async throws {
        let directory = try TemporaryDirectory("held")
        let (tracker, job) = try await trackerWithJob(in: directory)
        let started = ContinuousClock.now
        let running = try await tracker.report(job, holdingUntil: started + .milliseconds(100))
        #expect(running.state == .running)
        #expect(ContinuousClock.now - started >= .milliseconds(100), "a running job's status is held to the deadline")

        let held = Task { try await tracker.report(job, holdingUntil: ContinuousClock.now + .seconds(30)) }
        try await Task.sleep(for: .milliseconds(50))
        let killedAt = ContinuousClock.now
        _ = try await tracker.kill(job)
        let report = try await held.value
        #expect(report.state == .killed)
        #expect(ContinuousClock.now - killedAt < .seconds(5), "the end of the job wakes the held request")
    }

    /// Many held requests share the one deadline timer: it is started again only when a request
    /// must end earlier than it fires (beyond the slack), or when it has fired, not for every
    /// request held. The deadlines are an hour away, so the machine's speed cannot matter.
    @Test func heldRequestsShareOneDeadlineTimer() async throws {
        let directory = try TemporaryDirectory("held")
        let (tracker, _) = try await trackerWithJob(in: directory)
        let start = ContinuousClock.now + .seconds(3600)
        let before = await tracker.deadlineTimersStarted
        let held = (0..<200).map { index in
            Task { await tracker.wait(for: [.trackers], until: start + .milliseconds(index % 50)) }
        }
        while await tracker.heldRequests < held.count { try await Task.sleep(for: .milliseconds(10)) }
        let started = await tracker.deadlineTimersStarted - before
        #expect(started >= 1)
        #expect(started <= 15, "deadlines within the slack of the timer's do not restart it: \(started) timers")
        await tracker.notify(.trackers)
        for wait in held { await wait.value }
    }

    /// One change of work wakes every heartbeat held for it, in batches: more than a batch are
    /// held, and all of them end long before their deadlines, an hour away.
    @Test func newWorkWakesEveryHeldHeartbeatInBatches() async throws {
        let directory = try TemporaryDirectory("held")
        let (tracker, _) = try await trackerWithJob(in: directory)
        let deadline = ContinuousClock.now + .seconds(3600)
        let count = JobTracker.workWakeBatch * 3 + 1
        let held = (0..<count).map { _ in Task { await tracker.wait(for: [.work], until: deadline) } }
        while await tracker.heldRequests < count { try await Task.sleep(for: .milliseconds(10)) }
        await tracker.notify(.work)
        let woken = ContinuousClock.now
        while await tracker.heldRequests > 0, ContinuousClock.now - woken < .seconds(60) {
            try await Task.sleep(for: .milliseconds(10))
        }
        let left = await tracker.heldRequests
        #expect(left == 0, "\(left) of \(count) still held")
        while await tracker.heldRequests > 0 {
            await tracker.notify(.work)
            try await Task.sleep(for: .milliseconds(10))
        }
        for wait in held { await wait.value }
    }

    @Test func aHeldCompletionsRequestHearsTheJobEnd() async throws {
        let directory = try TemporaryDirectory("held")
        let (tracker, job) = try await trackerWithJob(in: directory)
        let reduce = AttemptID(task: TaskID(job: job, phase: 0, kind: .reduce, index: 0), number: 0)
        let request = MapCompletionsRequest(job: job, phase: 0, from: 0, unreachable: [], reduce: reduce)
        let started = ContinuousClock.now
        let idle = await tracker.completions(request, holdingUntil: started + .milliseconds(100))
        #expect(idle.locations.isEmpty && idle.failure.isEmpty && idle.mapCount == 1)
        #expect(ContinuousClock.now - started >= .milliseconds(100), "no finished map: held to the deadline")

        let held = Task { await tracker.completions(request, holdingUntil: ContinuousClock.now + .seconds(30)) }
        try await Task.sleep(for: .milliseconds(50))
        let killedAt = ContinuousClock.now
        _ = try await tracker.kill(job)
        let reply = await held.value
        #expect(reply.failure == "job \(job) killed")
        #expect(ContinuousClock.now - killedAt < .seconds(5))
    }
}
