/// One job in full for the console's job page: its report and every task of the phases run so far.
public struct JobDetail: Sendable, Codable, Equatable {
    /// State, progress, counters and outcome, as `mrsubmit status` shows them.
    public var report: JobReport
    /// The job's phase names, in order.
    public var phaseNames: [String]
    /// The phases that have started, in order, with their tasks; empty for a job known only from
    /// the history of an earlier JobTracker process.
    public var phases: [PhaseStatus]
    /// The job's input paths.
    public var inputs: [String]
    /// The job's parameters.
    public var parameters: [String: String]
    /// When restarted JobTrackers resumed the job, seconds since 1970, oldest first.
    public var resumptions: [Double]

    /// Creates the value.
    public init(
        report: JobReport,
        phaseNames: [String],
        phases: [PhaseStatus],
        inputs: [String],
        parameters: [String: String],
        resumptions: [Double] = []
    ) {
        self.report = report
        self.phaseNames = phaseNames
        self.phases = phases
        self.inputs = inputs
        self.parameters = parameters
        self.resumptions = resumptions
    }

    /// Every task of every phase.
    public var tasks: [TaskStatus] { phases.flatMap(\.tasks) }

    /// Every failed attempt, oldest first.
    public var failedAttempts: [AttemptStatus] {
        tasks.flatMap(\.attempts).filter { $0.state == "failed" }.sorted { $0.startedAt < $1.startedAt }
    }
}
