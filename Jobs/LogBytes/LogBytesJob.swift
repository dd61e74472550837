import MapReduce

/// Sums the response bytes served to each client host in web server access logs.
///
/// Reads Apache Common and Combined Log Format lines and the two-field `host bytes` form (see
/// ``AccessLogLine``). Lines of neither form are counted in `MALFORMED_LINES` and skipped.
public struct LogBytesJob: Job {
    public static let name = "logbytes"
    public static let summary = "Sums the bytes served to each client host in Apache access logs"
    public static let resultSummary = ResultSummary.topValues(count: 10, label: "hosts", showsTotal: true)

    /// The job counter of lines that are not access log lines.
    public static let malformedLinesCounter = "MALFORMED_LINES"

    public init(parameters: JobParameters) throws {}

    public var phases: [Phase] {
        [
            Phase(
                "sum", input: TextInputFormat(), mapper: LogBytesMapper.self, combiner: SumCombiner<Int64>.self,
                reducer: LogBytesReducer.self, output: TextOutputFormat<ByteSlice, Int64>())
        ]
    }
}
