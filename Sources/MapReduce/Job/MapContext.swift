/// What a mapper sees of the framework: where to emit pairs, counters, parameters and broadcast data.
public final class MapContext<Key: SortableKey, Value: ShuffleValue> {
    /// The task's ids, the job's parameters and the broadcast from the previous phase.
    public let info: TaskInfo
    @usableFromInline let buffer: MapOutputBuffer<Value>?
    /// ``buffer`` unretained, which keeps it alive: ``emit(_:_:)`` borrows it without a retain
    /// and a release per pair.
    @usableFromInline let unretainedBuffer: Unmanaged<MapOutputBuffer<Value>>?
    @usableFromInline let writer: (any RecordWriter<Key, Value>)?
    @exclusivity(unchecked) @usableFromInline var keyScratch = ByteWriter()
    /// Counters the mapper increments, added to the buffer's when the task ends.
    @exclusivity(unchecked) @usableFromInline var counters = Counters()

    /// Records written straight to the output by a map-only task.
    @exclusivity(unchecked) @usableFromInline var writtenRecords: Int64 = 0

    @usableFromInline init(info: TaskInfo, buffer: MapOutputBuffer<Value>) {
        self.info = info
        self.buffer = buffer
        unretainedBuffer = Unmanaged.passUnretained(buffer)
        writer = nil
    }

    /// A context whose pairs go, unsorted and in emit order, to `writer`: a map-only task's output.
    @usableFromInline init(info: TaskInfo, writer: any RecordWriter<Key, Value>) {
        self.info = info
        buffer = nil
        unretainedBuffer = nil
        self.writer = writer
    }

    /// Whether the job is map-only (`--reducers 0`): emitted pairs go straight to the job's output,
    /// as Hadoop's `setNumReduceTasks(0)`, with no partitioning, sorting or combining.
    public var isMapOnly: Bool { buffer == nil }

    /// The split whose records are being mapped: its file (``InputSplit/path``, as the job names
    /// it) and range, as Hadoop's `context.getInputSplit()`. A task that combines small splits
    /// moves from one to the next; nil before the first record.
    public private(set) var inputSplit: InputSplit?

    /// Moves on to the records of `split`.
    @usableFromInline func begin(_ split: InputSplit) {
        inputSplit = split
    }

    /// The job's parameters (`-D name=value` and job options).
    public var parameters: JobParameters { info.parameters }

    /// Emits one intermediate pair.
    @inlinable public func emit(_ key: Key, _ value: Value) throws {
        guard let unretainedBuffer else { return try write(key, value) }
        try unretainedBuffer._withUnsafeGuaranteedRef { buffer in
            try key.withSortableBytes(scratch: &keyScratch) { try buffer.add(key: $0, value: value) }
        }
    }

    /// Writes a map-only task's pair to its output.
    @usableFromInline func write(_ key: Key, _ value: Value) throws {
        try writer!.write(key, value)
        writtenRecords += 1
    }

    /// Adds `amount` to the job counter `name`.
    @inlinable public func increment(_ name: String, by amount: Int64 = 1) {
        counters.increment(name, by: amount)
    }

    /// Counts a record the mapper skipped because it could not read it (`MALFORMED_RECORDS`).
    @inlinable public func countMalformedRecord() {
        counters.increment(.malformedRecords)
    }
}
