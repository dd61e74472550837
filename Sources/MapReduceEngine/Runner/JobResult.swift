import MapReduce

/// What a finished job reports: its id, where its output is, its counters and how long it took.
public struct JobResult: Sendable {
    /// The job's id.
    public let job: JobID
    /// The output directory, which holds `_SUCCESS`.
    public let outputPath: String
    /// The sum of every task's counters.
    public let counters: Counters
    /// Wall-clock seconds from submission to commit.
    public let elapsedSeconds: Double
    /// Attempts that failed and were run again.
    public let failedAttempts: Int

    /// Creates a result.
    public init(job: JobID, outputPath: String, counters: Counters, elapsedSeconds: Double, failedAttempts: Int = 0) {
        self.job = job
        self.outputPath = outputPath
        self.counters = counters
        self.elapsedSeconds = elapsedSeconds
        self.failedAttempts = failedAttempts
    }
}
