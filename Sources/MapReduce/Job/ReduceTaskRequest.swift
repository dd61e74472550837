/// What the engine hands a phase to run one reduce task.
public struct ReduceTaskRequest {
    /// The attempt, parameters and broadcast.
    public let info: TaskInfo
    /// The merged, grouped input of the task's partition.
    public let source: any KeyGroupSource
    /// The attempt's own output directory.
    public let directory: String

    /// Creates a request.
    public init(info: TaskInfo, source: any KeyGroupSource, directory: String) {
        self.info = info
        self.source = source
        self.directory = directory
    }
}
