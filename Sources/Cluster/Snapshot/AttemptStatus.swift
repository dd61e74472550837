/// One attempt at a task, with its timing and, when it failed, the error and standard error tail.
public struct AttemptStatus: Sendable, Codable, Equatable {
    /// The attempt id.
    public var id: String
    /// The tracker that ran it.
    public var tracker: String
    /// `running`, `succeeded`, `failed` or `killed`.
    public var state: String
    /// When it started, seconds since 1970.
    public var startedAt: Double
    /// When it ended, seconds since 1970, or nil while it runs.
    public var finishedAt: Double?
    /// Records processed so far.
    public var records: Int64
    /// Why it failed, or empty.
    public var failure: String
    /// The last lines it wrote on standard error, when it failed.
    public var logTail: [String]

    /// Creates the value.
    public init(
        id: String,
        tracker: String,
        state: String,
        startedAt: Double,
        finishedAt: Double?,
        records: Int64,
        failure: String,
        logTail: [String]
    ) {
        self.id = id
        self.tracker = tracker
        self.state = state
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.records = records
        self.failure = failure
        self.logTail = logTail
    }
}
