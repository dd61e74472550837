/// What the engine hands a phase to run one map task of a map-only job (`--reducers 0`).
public struct MapOnlyTaskRequest {
    /// The attempt, parameters and broadcast.
    public let info: TaskInfo
    /// The splits to read, in order.
    public let splits: [InputSplit]
    /// The attempt's own output directory, where its `part-m-NNNNN` file goes.
    public let directory: String
    /// Called now and then while records flow, so a tracker can tell a slow task from a stuck one.
    public let progress: (Int64) -> Void

    /// Creates a request.
    public init(info: TaskInfo, splits: [InputSplit], directory: String, progress: @escaping (Int64) -> Void = { _ in })
    {
        self.info = info
        self.splits = splits
        self.directory = directory
        self.progress = progress
    }
}
