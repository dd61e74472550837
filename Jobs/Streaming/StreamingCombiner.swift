import MapReduce

/// Runs the combine command over each partition of each sorted spill, as Hadoop Streaming's
/// `-combiner` does: it reads the partition's records as `key<TAB>value` lines in key order, and
/// the lines it prints, split into keys and values like the mapper's, are spilled in its place.
///
/// The command must print its keys in the order it read them (a combiner that sums each key's
/// values does); a key printed before the one before it fails the task, since the spill would no
/// longer be sorted.
public final class StreamingCombiner: SpillCombiner {
    private let sink: any MapOutputSink
    private let command: String
    private let info: TaskInfo
    private let format: StreamingLineFormat
    private let inputFormat = StreamingLineFormat()
    private var process: StreamingProcess?
    private var partition = -1
    private var lastKey: [UInt8] = []
    private var hasLastKey = false
    private var value = ByteWriter(capacity: 256)
    public private(set) var counters = Counters()

    public init(info: TaskInfo, sink: any MapOutputSink) throws {
        let settings = try StreamingSettings(info.parameters)
        guard let command = settings.combiner else {
            throw JobParameterError(message: "the streaming combiner runs without a combine command (--combiner)")
        }
        self.sink = sink
        self.command = command
        self.info = info
        format = settings.mapOutput
    }

    public func beginRun() throws {
        try sink.beginRun()
    }

    public func append(
        partition: Int, key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer, tail: UnsafeRawBufferPointer
    ) throws {
        if partition != self.partition || process == nil {
            try finishPartition()
            self.partition = partition
            process = try StreamingProcess(
                role: "combiner",
                command: command,
                directory: AttemptDirectory.current,
                status: info.setStatus
            )
        }
        var reader = ByteReader(value)
        let decoded = ByteSlice(try reader.readLengthPrefixed())
        counters.increment(.combineInputRecords)
        let inputFormat = inputFormat
        try process!.send({ inputFormat.appendLine(key: ByteSlice(key), value: decoded, to: &$0) }) { try spill($0) }
    }

    public func endRun() throws {
        try finishPartition()
        try sink.endRun()
    }

    private func finishPartition() throws {
        guard let running = process else { return }
        try running.finish { try spill($0) }
        counters.add(running.counters)
        process = nil
        hasLastKey = false
    }

    private func spill(_ line: ByteSlice) throws {
        let (key, text) = format.split(line)
        if hasLastKey && key.lexicographicallyPrecedes(lastKey) {
            throw StreamingFailure(
                role: "combiner", command: command,
                ending: "printed the key \"\(key.string.prefix(80))\" after \"\(String(decoding: lastKey.prefix(80), as: UTF8.self))\": a combiner must keep its keys in the order it read them",
                stderrTail: [])
        }
        lastKey.removeAll(keepingCapacity: true)
        lastKey.append(contentsOf: key.buffer)
        hasLastKey = true
        value.removeAll()
        text.encode(into: &value)
        counters.increment(.combineOutputRecords)
        try value.bytes.withUnsafeBytes { try sink.append(partition: partition, key: key.buffer, value: $0) }
    }
}
