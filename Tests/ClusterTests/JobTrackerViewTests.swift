import Foundation
import MapReduce
import Synchronization
import TestSupport
import Testing

@testable import Cluster

/// The console reads views of the JobTracker's state: values taken at one moment, ahead of the
/// calls queued on the actor, and built into pages off it.
struct JobTrackerViewTests {
    /// A view keeps what it saw when later changes happen, and one taken after a call returns
    /// shows that call's change.
    @Test func aViewIsTheStateAtOneMoment() async throws {
        let directory = try TemporaryDirectory("view")
        let tracker = try JobTrackerFixture.jobTracker(in: directory)
        let job = try await tracker.submit(try JobTrackerFixture.wordCount(in: directory))
        let before = await tracker.currentView()
        _ = try await tracker.kill(job)
        let after = await tracker.currentView()
        #expect(try before.report(job).state == .running)
        #expect(try before.detail(of: job).report.state == .running)
        #expect(try after.report(job).state == .killed)
        #expect(after.overview().jobs.map(\.state) == [.killed])
        #expect(after.reports() == (await tracker.reports()))
        #expect(throws: InputError.self) { try after.report(JobID(cluster: "20200101000000", sequence: 9)) }
    }

    /// While the actor is busy and calls of default priority queue on it, a view is taken
    /// before them: it still shows running the jobs that the queued calls kill.
    @Test func aViewGoesAheadOfTheCallsQueuedOnTheActor() async throws {
        let directory = try TemporaryDirectory("view")
        let tracker = try JobTrackerFixture.jobTracker(in: directory)
        var jobs: [JobID] = []
        for index in 0..<10 {
            jobs.append(try await tracker.submit(try JobTrackerFixture.wordCount(in: directory, output: "out\(index)")))
        }
        let gate = DispatchSemaphore(value: 0)
        let started = Counter()
        let blocker = Task(priority: .medium) { await tracker.block(until: gate) }
        try await Task.sleep(for: .milliseconds(100))
        let kills = jobs.map { job in
            Task(priority: .medium) {
                started.value.withLock { $0 += 1 }
                _ = try await tracker.kill(job)
            }
        }
        while started.value.withLock({ $0 }) < jobs.count { try await Task.sleep(for: .milliseconds(10)) }
        try await Task.sleep(for: .milliseconds(200))
        let view = Task { await tracker.currentView() }
        try await Task.sleep(for: .milliseconds(200))
        gate.signal()
        let running = await view.value.reports().filter { $0.state == .running }.count
        for kill in kills { try await kill.value }
        await blocker.value
        #expect(await tracker.currentView().reports().allSatisfy { $0.state == .killed })
        #expect(running > jobs.count / 2, "the view saw \(running) of \(jobs.count) jobs running")
    }
}

/// How many of the queued calls started.
private final class Counter: Sendable {
    let value = Mutex(0)
}

extension JobTracker {
    /// Holds the actor until `gate` is signalled.
    fileprivate func block(until gate: DispatchSemaphore) {
        gate.wait()
    }
}
