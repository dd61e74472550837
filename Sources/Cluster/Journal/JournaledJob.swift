import Foundation
import MapReduce
import MapReduceEngine

/// What the journal knows of one running job: enough to resume it in the phase it was in.
struct JournaledJob: Sendable {
    let job: JobID
    /// The request as accepted, its output path filled in.
    let request: SubmitJobRequest
    let submittedAt: Date
    /// The input files trackers may fetch.
    var inputs: [String]
    /// The files the setup task of a job without a plan reads.
    let setupInputs: [InputFile]
    /// The job's plan: the client's, or its setup task's; nil while the setup task has not made it.
    var plan: JobPlan?
    /// Whether the plan came from a setup task rather than the client.
    var plannedBySetup = false
    /// The index of the running phase in the plan.
    var phase = 0
    /// The broadcast the running phase's tasks get.
    var broadcast: [UInt8] = []
    /// The job's counters from before the running phase.
    var counters = Counters()
    /// The committed tasks of the running phase, in commit order, one (the latest) per task.
    var commits: [JournalCommit] { committed.compactMap(\.self) }
    /// The commits in commit order, a task's earlier commits replaced by nil.
    private var committed: [JournalCommit?] = []
    /// Where each task's latest commit is in `committed`.
    private var latest: [TaskID: Int] = [:]
    /// When restarted JobTrackers resumed the job, oldest first.
    var resumptions: [Date] = []

    init(
        job: JobID,
        request: SubmitJobRequest,
        submittedAt: Date,
        inputs: [String],
        setupInputs: [InputFile],
        plan: JobPlan?
    ) {
        self.job = job
        self.request = request
        self.submittedAt = submittedAt
        self.inputs = inputs
        self.setupInputs = setupInputs
        self.plan = plan
        clearCommits()
    }

    /// Records a task's commit as its latest, in constant time: a job of 100,000 maps commits
    /// each one.
    mutating func commit(_ commit: JournalCommit) {
        if let earlier = latest[commit.attempt.task] { committed[earlier] = nil }
        latest[commit.attempt.task] = committed.count
        committed.append(commit)
    }

    /// Forgets the commits, when a new phase (or the plan's first) starts, and makes room for
    /// one commit of each of the phase's tasks: grown by doubling, the table of a 100,000-map
    /// phase would keep up to half its room empty, and its old storage beside the new while it grows.
    mutating func clearCommits() {
        committed = []
        latest = [:]
        guard let plan, plan.phases.indices.contains(phase) else { return }
        let tasks = plan.phases[phase].mapTasks.count + plan.phases[phase].reduceCount
        committed.reserveCapacity(tasks)
        latest.reserveCapacity(tasks)
    }

    /// Calls `body` with each record that recreates this job, for a snapshot, in order.
    func forEachRecord(_ body: (JournalRecord) throws -> Void) rethrows {
        try body(
            .submitted(
                job: job,
                request: request,
                submittedAt: submittedAt,
                inputs: inputs,
                setupInputs: setupInputs
            )
        )
        for resumption in resumptions { try body(.resumed(job: job, at: resumption)) }
        if plannedBySetup, let plan { try body(.planned(job: job, plan: plan, counters: counters)) }
        if phase > 0 { try body(.phaseStarted(job: job, phase: phase, broadcast: broadcast, counters: counters)) }
        for case let commit? in committed {
            try body(
                .committed(
                    attempt: commit.attempt,
                    counters: commit.counters,
                    location: commit.location,
                    outputBytes: commit.outputBytes
                )
            )
        }
    }
}
