/// One task of a job with its attempts, as the job page's task table shows it.
public struct TaskStatus: Sendable, Codable, Equatable {
    /// The task id.
    public var id: String
    /// `map` or `reduce`.
    public var kind: String
    /// `pending`, `running` or `succeeded`; in an ended job, `failed` or `killed` if it did not succeed.
    public var state: String
    /// Its attempts, oldest first.
    public var attempts: [AttemptStatus]
    /// Failed attempts.
    public var failures: Int
    /// Seconds from its first attempt's start to its success (or to now), or 0 before it starts.
    public var durationSeconds: Double
    /// Bytes read: a map's input split bytes, a reduce's fetched map output bytes.
    public var inputBytes: Int64
    /// Bytes written: a map's output bytes, a reduce's committed output file bytes.
    public var outputBytes: Int64
    /// The counters of its successful attempt.
    public var counters: [String: Int64]

    /// Creates the value.
    public init(
        id: String,
        kind: String,
        state: String,
        attempts: [AttemptStatus],
        failures: Int,
        durationSeconds: Double,
        inputBytes: Int64,
        outputBytes: Int64,
        counters: [String: Int64]
    ) {
        self.id = id
        self.kind = kind
        self.state = state
        self.attempts = attempts
        self.failures = failures
        self.durationSeconds = durationSeconds
        self.inputBytes = inputBytes
        self.outputBytes = outputBytes
        self.counters = counters
    }

    /// The tracker of the newest attempt, or empty.
    public var tracker: String { attempts.last?.tracker ?? "" }
}
