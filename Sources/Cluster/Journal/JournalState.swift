import Foundation
import MapReduce

/// The running jobs and the epoch that a journal's records add up to.
///
/// Replaying a snapshot and then the journal through ``apply(_:)`` gives the state the previous
/// JobTracker process had journaled; ``records`` is the shortest list of records that gives it
/// again, which a compaction writes as the new snapshot.
struct JournalState: Sendable {
    /// The epoch of the latest JobTracker start.
    private(set) var epoch: UInt64 = 0
    /// The running jobs by id.
    private(set) var jobs: [JobID: JournaledJob] = [:]
    /// The running jobs in submission order.
    private(set) var order: [JobID] = []

    /// Applies one record.
    mutating func apply(_ record: JournalRecord) {
        switch record {
        case .started(let epoch):
            self.epoch = max(self.epoch, epoch)
        case .submitted(let job, let request, let submittedAt, let inputs, let setupInputs):
            if jobs[job] == nil { order.append(job) }
            jobs[job] = JournaledJob(
                job: job,
                request: request,
                submittedAt: submittedAt,
                inputs: inputs,
                setupInputs: setupInputs,
                plan: request.plan
            )
        case .planned(let job, let plan, let counters):
            guard var record = jobs[job] else { return }
            record.plan = plan
            record.plannedBySetup = true
            record.inputs = Array(Set(record.inputs).union(plan.inputPaths)).sorted()
            record.phase = 0
            record.counters = counters
            record.clearCommits()
            jobs[job] = record
        case .committed(let attempt, let counters, let location, let outputBytes):
            let task = attempt.task
            guard task.kind != .setup, jobs[task.job].map({ $0.plan != nil && $0.phase == task.phase }) == true
            else { return }
            // Taken out of the table while it changes, so that its commits are not copied.
            var record = jobs.removeValue(forKey: task.job)!
            record.commit(
                JournalCommit(attempt: attempt, counters: counters, location: location, outputBytes: outputBytes)
            )
            jobs[task.job] = record
        case .phaseStarted(let job, let phase, let broadcast, let counters):
            guard var record = jobs[job] else { return }
            record.phase = phase
            record.broadcast = broadcast
            record.counters = counters
            record.clearCommits()
            jobs[job] = record
        case .resumed(let job, let at):
            jobs[job]?.resumptions.append(at)
        case .ended(let job, _, _):
            jobs[job] = nil
            order.removeAll { $0 == job }
        }
    }

    /// Calls `body` with each record that recreates this state, in order.
    func forEachRecord(_ body: (JournalRecord) throws -> Void) rethrows {
        try body(.started(epoch: epoch))
        for job in order { try jobs[job]!.forEachRecord(body) }
    }
}
