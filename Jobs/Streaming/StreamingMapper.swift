import MapReduce

/// Feeds a split's lines to the map command and emits each line it writes as a key and a value;
/// in a map-only job, as a key alone, so that the output has the line as it is.
public struct StreamingMapper: Mapper {
    private var process: StreamingProcess?
    private var format = StreamingLineFormat()
    private var keepsLines = false

    public init() {}

    public mutating func setup(_ context: MapContext<ByteSlice, ByteSlice>) throws {
        let settings = try StreamingSettings(context.parameters)
        format = settings.mapOutput
        keepsLines = context.isMapOnly
        process = try StreamingProcess(
            role: "mapper",
            command: settings.mapper,
            directory: AttemptDirectory.current,
            status: context.info.setStatus
        )
    }

    public mutating func map(_ line: TextLine, context: MapContext<ByteSlice, ByteSlice>) throws {
        let (format, keepsLines) = (format, keepsLines)
        try process!.send({ input in
            input.append(contentsOf: line.bytes.buffer)
            input.append(0x0A)
        }) { try Self.emit($0, format: format, keepsLines: keepsLines, context: context) }
    }

    public mutating func cleanup(_ context: MapContext<ByteSlice, ByteSlice>) throws {
        let (format, keepsLines) = (format, keepsLines)
        try process!.finish { try Self.emit($0, format: format, keepsLines: keepsLines, context: context) }
        for (name, amount) in process!.counters.values { context.increment(name, by: amount) }
        process = nil
    }

    /// Emits an output line of the command: split into a key and a value, or whole in a map-only job.
    private static func emit(
        _ line: ByteSlice,
        format: StreamingLineFormat,
        keepsLines: Bool,
        context: MapContext<ByteSlice, ByteSlice>
    ) throws {
        if keepsLines { return try context.emit(line, line[bytes: 0..<0]) }
        let (key, value) = format.split(line)
        try context.emit(key, value)
    }
}
