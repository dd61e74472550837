import MapReduce

/// A task that failed, said in one line: the task, what it was reading, and the error.
public struct TaskFailure: Error, CustomStringConvertible {
    /// The failed attempt.
    public let attempt: AttemptID
    /// What the task was working on (a split, a partition).
    public let subject: String
    /// The error's own one-line description.
    public let message: String

    /// Creates a failure from an error.
    public init(attempt: AttemptID, subject: String, error: any Error) {
        self.attempt = attempt
        self.subject = subject
        message = "\(error)"
    }

    public var description: String { "\(attempt.task) (\(subject)): \(message)" }
}
