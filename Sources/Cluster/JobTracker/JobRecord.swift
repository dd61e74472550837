import Foundation
import MapReduce

/// The JobTracker's view of one job: its request, its running phase, its counters and outcome.
struct JobRecord: Sendable {
    let id: JobID
    let request: SubmitJobRequest
    let phaseNames: [String]
    var phase: PhaseRecord
    var state: JobRunState = .running
    var counters = Counters()
    var failure = ""
    var failedAttempts = 0
    let submittedAt: Date
    var finishedAt: Date?

    /// The job's report for clients.
    func report(now: Date) -> JobReport {
        JobReport(
            job: id, name: request.job, state: state, phase: phase.index, phaseCount: phaseNames.count,
            phaseName: phase.name, mapsDone: phase.mapsDone, mapsTotal: phase.maps.count, reducesDone: phase.reducesDone,
            reducesTotal: phase.reduces.count, counters: counters, failure: failure, outputPath: request.outputPath,
            submittedAt: submittedAt.timeIntervalSince1970,
            elapsedSeconds: (finishedAt ?? now).timeIntervalSince(submittedAt), failedAttempts: failedAttempts)
    }
}
