import MapReduce

/// Feeds each key's records to the reduce command as `key<TAB>value` lines, grouped and in key
/// order, and writes every line it prints to the output as it is; without a reduce command it
/// writes those lines itself.
public struct StreamingReducer: Reducer {
    private var process: StreamingProcess?
    private var line: [UInt8] = []
    private let format = StreamingLineFormat()

    public init() {}

    public mutating func setup(_ context: ReduceContext<ByteSlice, Void>) throws {
        guard let command = try StreamingSettings(context.parameters).reducer else { return }
        process = try StreamingProcess(
            role: "reducer",
            command: command,
            directory: AttemptDirectory.current,
            status: context.info.setStatus
        )
    }

    public mutating func reduce(
        _ key: ByteSlice, values: ReduceValues<ByteSlice>, context: ReduceContext<ByteSlice, Void>
    ) throws {
        let format = format
        guard let process else {
            for value in values {
                line.removeAll(keepingCapacity: true)
                format.appendLine(key: key, value: value, to: &line)
                try line.withUnsafeBytes { try context.write(ByteSlice(UnsafeRawBufferPointer(rebasing: $0.dropLast())), ()) }
            }
            return
        }
        for value in values {
            try process.send({ format.appendLine(key: key, value: value, to: &$0) }) { try context.write($0, ()) }
        }
    }

    public mutating func cleanup(_ context: ReduceContext<ByteSlice, Void>) throws {
        guard let process else { return }
        try process.finish { try context.write($0, ()) }
        for (name, amount) in process.counters.values { context.increment(name, by: amount) }
        self.process = nil
    }
}
