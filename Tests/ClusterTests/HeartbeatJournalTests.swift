import Foundation
import MapReduce
import MapReduceEngine
import TestSupport
import Testing

@testable import Cluster

/// A heartbeat's reply does not wait for the journal's fsync while the journal keeps up, and
/// does once the journal has fallen behind by more than the configured limit.
struct HeartbeatJournalTests {
    /// A journaling JobTracker with one registered tracker, running the one map of a word-count
    /// job planned by its client, and that map's assignment.
    func trackerRunningAMap(
        in directory: TemporaryDirectory,
        journalLagLimit: Int
    ) async throws -> (JobTracker, TaskAssignment) {
        let tracker = try JobTrackerFixture.jobTracker(in: directory) {
            $0.recovers = true
            $0.journalLagLimit = journalLagLimit
        }
        var request = try JobTrackerFixture.wordCount(in: directory)
        request.plan = JobPlan(phases: [
            PhasePlan(
                name: "count",
                mapTasks: [[InputSplit(path: request.inputs[0], start: 0, length: 6)]],
                reduceCount: 1,
                writesBroadcast: false
            )
        ])
        _ = try await tracker.submit(request)
        _ = await tracker.register(JobTrackerFixture.registration(of: "t", in: directory))
        let (reply, _) = try await tracker.heartbeat(
            HeartbeatRequest(tracker: "t", freeSlots: 1, acceptsTasks: true, reports: []),
            holdingFrom: .now
        )
        let map = try #require(reply.assignments.first)
        #expect(map.attempt.task.kind == .map)
        return (tracker, map)
    }

    /// The heartbeat that reports `map` done, which the JobTracker journals as a commit.
    func reportingSuccess(of map: TaskAssignment) -> HeartbeatRequest {
        let report = AttemptReport(
            attempt: map.attempt,
            state: .succeeded,
            records: 3,
            counters: Counters(),
            failure: "",
            segments: [MapOutputSegment(offset: 0, length: 12, records: 2)],
            epoch: map.epoch
        )
        return HeartbeatRequest(tracker: "t", freeSlots: 1, acceptsTasks: true, reports: [report])
    }

    @Test func aReplyLeavesBeforeTheFsyncAndTheRecordsStillReachTheDisk() async throws {
        let directory = try TemporaryDirectory("heartbeat-journal")
        let (tracker, map) = try await trackerRunningAMap(in: directory, journalLagLimit: 100)
        _ = try await tracker.heartbeat(reportingSuccess(of: map), holdingFrom: .now)
        // No housekeeping runs here: only the write the heartbeat started brings the commit to disk.
        let deadline = ContinuousClock.now + .seconds(30)
        while await tracker.unsyncedJournalRecords > 0, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(await tracker.unsyncedJournalRecords == 0)
        let tail = try JournalFile.read(
            directory.file("jobtracker/journal/journal.log"),
            magic: JournalFile.journalMagic,
            tornTailAllowed: false
        )
        let committed = tail.records.compactMap { record -> AttemptID? in
            guard case .committed(let attempt, _, _, _) = record else { return nil }
            return attempt
        }
        #expect(committed == [map.attempt])
    }

    @Test func aJournalBehindByMoreThanTheLimitHoldsTheReplyUntilItIsOnDisk() async throws {
        let directory = try TemporaryDirectory("heartbeat-journal")
        let (tracker, map) = try await trackerRunningAMap(in: directory, journalLagLimit: 0)
        _ = try await tracker.heartbeat(reportingSuccess(of: map), holdingFrom: .now)
        #expect(await tracker.unsyncedJournalRecords == 0, "the reply left only once the commit was on disk")
    }
}
