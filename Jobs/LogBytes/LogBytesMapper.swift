import MapReduce

/// Emits `(host, bytes)` for each access log line, counting the lines it cannot read.
public struct LogBytesMapper: Mapper {
    public init() {}

    public mutating func map(_ line: TextLine, context: MapContext<ByteSlice, Int64>) throws {
        guard let entry = AccessLogLine(line.bytes) else {
            context.increment(LogBytesJob.malformedLinesCounter)
            context.countMalformedRecord()
            return
        }
        try context.emit(entry.host, entry.bytes)
    }
}
