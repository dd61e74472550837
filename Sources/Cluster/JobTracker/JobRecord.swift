import Foundation
import MapReduce

/// The JobTracker's view of one job: its request, its running phase, its counters and outcome.
struct JobRecord: Sendable {
    let id: JobID
    let request: SubmitJobRequest
    /// The phases' names; a job planned by a setup task has only `setup` until its plan arrives.
    var phaseNames: [String]
    var phase: PhaseRecord
    /// The phases before the running one, kept for the console's job page.
    var finishedPhases: [PhaseRecord] = []
    var state: JobRunState = .running
    var counters = Counters()
    var failure = ""
    /// The standard error tail of the attempt whose failure failed the job.
    var failureLog: [String] = []
    var failedAttempts = 0
    /// The latest status message of any of its attempts, after the task's id, or empty.
    var status = ""
    /// Failed attempts of this job by tracker; a tracker with ``JobRecord/blacklistThreshold`` of
    /// them gets no more of the job's tasks while other trackers can take them.
    var trackerFailures: [String: Int] = [:]
    /// Trackers that cannot run the job's binary (a cause that depends on the node), which get
    /// none of its tasks.
    var excludedTrackers: Set<String> = []
    let submittedAt: Date
    var finishedAt: Date?
    /// When restarted JobTrackers resumed the job, oldest first.
    var resumptions: [Date] = []
    /// Its weight in fair sharing (``JobWeight``).
    let weight: Double

    init(id: JobID, request: SubmitJobRequest, phaseNames: [String], phase: PhaseRecord, submittedAt: Date) {
        self.id = id
        self.request = request
        self.phaseNames = phaseNames
        self.phase = phase
        self.submittedAt = submittedAt
        weight = JobWeight.of(request.parameters)
    }

    /// Failures on one tracker after which it gets no more tasks of the job.
    static let blacklistThreshold = 3

    /// The trackers this job no longer uses.
    var blacklistedTrackers: [String] {
        trackerFailures.filter { $0.value >= Self.blacklistThreshold }.map(\.key).sorted()
    }

    /// The job's report for clients, with its fair share of the slots while it runs.
    func report(now: Date, fairShare: Double = 0) -> JobReport {
        JobReport(
            job: id,
            name: request.job,
            binary: request.binary.description,
            state: state,
            phase: phase.index,
            phaseCount: phaseNames.count,
            phaseName: phase.name,
            mapsDone: phase.mapsDone,
            mapsTotal: phase.maps.count,
            reducesDone: phase.reducesDone,
            reducesTotal: phase.reduces.count,
            counters: counters,
            failure: failure,
            outputPath: request.outputPath,
            submittedAt: submittedAt.timeIntervalSince1970,
            elapsedSeconds: (finishedAt ?? now).timeIntervalSince(submittedAt),
            failedAttempts: failedAttempts,
            blacklistedTrackers: blacklistedTrackers,
            failureLog: failureLog,
            status: status,
            runningAttempts: state == .running ? phase.runningAttempts : 0,
            fairShare: state == .running ? fairShare : 0
        )
    }
}
