/// What a reducer sees of the framework: where to write output, counters, parameters and broadcast data.
public final class ReduceContext<OutputKey, OutputValue> {
    /// The task's ids, the job's parameters and the broadcast from the previous phase.
    public let info: TaskInfo
    @usableFromInline let writer: any RecordWriter<OutputKey, OutputValue>
    @usableFromInline var counters = Counters()
    /// Records written, added to `REDUCE_OUTPUT_RECORDS` when the task ends.
    @exclusivity(unchecked) @usableFromInline var outputRecords: Int64 = 0

    @usableFromInline init(info: TaskInfo, writer: any RecordWriter<OutputKey, OutputValue>) {
        self.info = info
        self.writer = writer
    }

    /// The job's parameters (`-D name=value` and job options).
    public var parameters: JobParameters { info.parameters }

    /// Writes one output record.
    @inlinable public func write(_ key: OutputKey, _ value: OutputValue) throws {
        outputRecords += 1
        try writer.write(key, value)
    }

    /// Adds `amount` to the job counter `name`.
    @inlinable public func increment(_ name: String, by amount: Int64 = 1) {
        counters.increment(name, by: amount)
    }
}
