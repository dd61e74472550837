import Cluster

/// A ``JobReport`` as the API encodes it: the job id as its printed string and the counters as a
/// plain object, so that scripts read `job` and `counters.MAP_INPUT_RECORDS` directly.
struct JobJSON: Encodable {
    let job: String
    let name: String
    /// The binary running the job: `built-in`, or a shipped binary's `name@shorthash`.
    let binary: String
    let state: String
    let phase: Int
    let phaseCount: Int
    let phaseName: String
    let mapsDone: Int
    let mapsTotal: Int
    let reducesDone: Int
    let reducesTotal: Int
    let counters: [String: Int64]
    let failure: String
    let outputPath: String
    let submittedAt: Double
    let elapsedSeconds: Double
    let failedAttempts: Int
    let blacklistedTrackers: [String]
    let failureLog: [String]
    /// The latest status message of any of the job's attempts, after the task's id, or empty.
    let status: String
    /// Attempts of the job running now.
    let runningAttempts: Int
    /// The job's fair share of the cluster's map and reduce slots while it runs, else 0.
    let fairShare: Double

    /// The API form of `report`.
    init(_ report: JobReport) {
        job = "\(report.job)"
        name = report.name
        binary = report.binary
        state = report.state.rawValue
        phase = report.phase
        phaseCount = report.phaseCount
        phaseName = report.phaseName
        mapsDone = report.mapsDone
        mapsTotal = report.mapsTotal
        reducesDone = report.reducesDone
        reducesTotal = report.reducesTotal
        counters = report.counters.values
        failure = report.failure
        outputPath = report.outputPath
        submittedAt = report.submittedAt
        elapsedSeconds = report.elapsedSeconds
        failedAttempts = report.failedAttempts
        status = report.status
        runningAttempts = report.runningAttempts
        fairShare = report.fairShare
        blacklistedTrackers = report.blacklistedTrackers
        failureLog = report.failureLog
    }
}
