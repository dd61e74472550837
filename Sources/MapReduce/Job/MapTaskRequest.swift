/// What the engine hands a phase to run one map task.
public struct MapTaskRequest {
    /// The attempt, parameters and broadcast.
    public let info: TaskInfo
    /// The splits to read, in order: one, or several small ones combined into one task.
    public let splits: [InputSplit]
    /// The number of reduce tasks, i.e. of partitions.
    public let reduceCount: Int
    /// The map output buffer's size limit in bytes.
    public let bufferLimit: Int
    /// Where sorted runs go.
    public let sink: any MapOutputSink
    /// Called now and then while records flow, so a tracker can tell a slow task from a stuck one.
    public let progress: (Int64) -> Void

    /// Creates a request.
    public init(
        info: TaskInfo,
        splits: [InputSplit],
        reduceCount: Int,
        bufferLimit: Int,
        sink: any MapOutputSink,
        progress: @escaping (Int64) -> Void = { _ in }
    ) {
        self.info = info
        self.splits = splits
        self.reduceCount = reduceCount
        self.bufferLimit = bufferLimit
        self.sink = sink
        self.progress = progress
    }
}
