/// What a running task knows about itself: its ids, the job's parameters and any broadcast data.
public struct TaskInfo: Sendable {
    /// The attempt being run; it names the task, the job and the phase.
    public let attempt: AttemptID
    /// The job's parameters.
    public let parameters: JobParameters
    /// The output of the previous phase, shipped to every task of this one (empty in the first phase).
    public let broadcast: Broadcast
    /// Where the attempt's status messages go: its tracker, which shows them in the job's status.
    private let statusSink: @Sendable (String) -> Void

    /// Creates task information; `status` hears the attempt's status messages.
    public init(
        attempt: AttemptID,
        parameters: JobParameters,
        broadcast: Broadcast = Broadcast(),
        status: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.attempt = attempt
        self.parameters = parameters
        self.broadcast = broadcast
        statusSink = status
    }

    /// Sets the attempt's status message, as Hadoop's `context.setStatus`: the job's status shows
    /// the latest one of any of its attempts (`mrsubmit status`, the console's job page).
    public func setStatus(_ message: String) {
        statusSink(message)
    }

    /// The task this attempt runs.
    public var task: TaskID { attempt.task }
}
