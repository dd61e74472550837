/// What a running task knows about itself: its ids, the job's parameters and any broadcast data.
public struct TaskInfo: Sendable {
    /// The attempt being run; it names the task, the job and the phase.
    public let attempt: AttemptID
    /// The job's parameters.
    public let parameters: JobParameters
    /// The output of the previous phase, shipped to every task of this one (empty in the first phase).
    public let broadcast: Broadcast

    /// Creates task information.
    public init(attempt: AttemptID, parameters: JobParameters, broadcast: Broadcast = Broadcast()) {
        self.attempt = attempt
        self.parameters = parameters
        self.broadcast = broadcast
    }

    /// The task this attempt runs.
    public var task: TaskID { attempt.task }
}
