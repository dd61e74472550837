import Foundation
import Logging
import MapReduce
import TestSupport
import Testing
import Wire

@testable import Cluster

/// The JobTracker holds status and map-completion requests until there is news, and answers
/// them the moment there is, instead of leaving clients and reduces to poll.
struct HeldRequestTests {
    /// A JobTracker actor with one running word-count job and no trackers.
    func trackerWithJob(in directory: TemporaryDirectory) async throws -> (JobTracker, JobID) {
        let input = try directory.write("in/words.txt", Array("a b a\n".utf8))
        let tracker = try JobTracker(
            configuration: JobTrackerConfiguration(
                host: "127.0.0.1",
                dataDirectory: directory.file("jobtracker"),
                secret: ClusterSecret.random(),
                allowedPaths: [directory.path]
            ),
            logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        )
        let job = try await tracker.submit(
            SubmitJobRequest(
                job: "wordcount",
                parameters: JobParameters(),
                inputs: [input],
                outputPath: directory.file("out"),
                reducers: 1,
                splitSize: 1 << 20,
                mapBufferSize: 1 << 20,
                replacesOutput: false
            )
        )
        return (tracker, job)
    }

    @Test func aWaitEndsAtItsDeadlineWhenNothingChanges() async throws {
        let directory = try TemporaryDirectory("held")
        let (tracker, _) = try await trackerWithJob(in: directory)
        let seen = await tracker.generation
        let started = ContinuousClock.now
        await tracker.waitForChange(from: seen, until: started + .milliseconds(150))
        #expect(ContinuousClock.now - started >= .milliseconds(150))
        let stale = ContinuousClock.now
        await tracker.waitForChange(from: seen - 1, until: stale + .seconds(30))
        #expect(ContinuousClock.now - stale < .seconds(1), "a change already seen ends the wait at once")
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
