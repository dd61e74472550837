import MapReduce

/// Feeds a split's lines to the map command and emits each line it writes as a key and a value.
public struct StreamingMapper: Mapper {
    private var process: StreamingProcess?
    private var format = StreamingLineFormat()

    public init() {}

    public mutating func setup(_ context: MapContext<ByteSlice, ByteSlice>) throws {
        let settings = try StreamingSettings(context.parameters)
        format = settings.mapOutput
        process = try StreamingProcess(role: "mapper", command: settings.mapper, directory: AttemptDirectory.current)
    }

    public mutating func map(_ line: TextLine, context: MapContext<ByteSlice, ByteSlice>) throws {
        let format = format
        try process!.send({ input in
            input.append(contentsOf: line.bytes.buffer)
            input.append(0x0A)
        }) { output in
            let (key, value) = format.split(output)
            try context.emit(key, value)
        }
    }

    public mutating func cleanup(_ context: MapContext<ByteSlice, ByteSlice>) throws {
        let format = format
        try process!.finish { output in
            let (key, value) = format.split(output)
            try context.emit(key, value)
        }
        for (name, amount) in process!.counters.values { context.increment(name, by: amount) }
        process = nil
    }
}
