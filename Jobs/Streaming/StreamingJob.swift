import MapReduce

/// Runs shell commands as the mapper and the reducer over lines of text, as Hadoop Streaming does.
///
/// `mrsubmit streaming --mapper "tr -s '[:space:]' '\n'" --reducer "uniq -c" books/` runs each
/// command under `/bin/sh -c` in its attempt's directory. The mapper reads its split's lines on
/// standard input; each line it prints is a record keyed by the text up to its first tab. The
/// reducer reads the records sorted by key as `key<TAB>value` lines (`key` alone for an empty
/// value), and the lines it prints are the output. With `--reducers 0` the mapper's lines are
/// the output, as they are. docs/streaming.md has the whole contract.
public struct StreamingJob: Job {
    public static let name = "streaming"
    public static let summary = "Runs shell commands as mapper and reducer over lines of text (Hadoop Streaming)"
    public static let options = [
        JobOption(
            name: "mapper", parameter: StreamingSettings.mapperParameter, valueName: "command",
            help: "The map command, run with /bin/sh -c on the split's lines (required)"),
        JobOption(
            name: "combiner", parameter: StreamingSettings.combinerParameter, valueName: "command",
            help: "A combine command, run with /bin/sh -c on each map spill's key-sorted lines per partition"),
        JobOption(
            name: "reducer", parameter: StreamingSettings.reducerParameter, valueName: "command",
            help: "The reduce command, run with /bin/sh -c on key-sorted key<TAB>value lines (default: write them)"),
    ]

    private let combines: Bool

    public init(parameters: JobParameters) throws {
        combines = try StreamingSettings(parameters).combiner != nil
    }

    public var phases: [Phase] {
        [
            Phase(
                "stream", input: TextInputFormat(keepsByteOrderMark: true), mapper: StreamingMapper.self,
                spillCombiner: combines ? StreamingCombiner.self : nil, reducer: StreamingReducer.self,
                output: KeyOnlyTextOutputFormat<ByteSlice, Void>(),
                mapOnlyOutput: KeyOnlyTextOutputFormat<ByteSlice, ByteSlice>())
        ]
    }
}
