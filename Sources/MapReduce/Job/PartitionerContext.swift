/// What a partitioner sees of its map task when it is set up: the job's parameters, the phase's
/// broadcast and the number of partitions.
public struct PartitionerContext: Sendable {
    /// The map task's ids, the job's parameters and the broadcast from the previous phase.
    public let info: TaskInfo
    /// The number of reduce tasks, i.e. of partitions.
    public let reduceCount: Int

    /// Creates a context.
    public init(info: TaskInfo, reduceCount: Int) {
        self.info = info
        self.reduceCount = reduceCount
    }

    /// The job's parameters (`-D name=value` and job options).
    public var parameters: JobParameters { info.parameters }

    /// The output of the previous phase, empty in the first phase.
    public var broadcast: Broadcast { info.broadcast }
}
