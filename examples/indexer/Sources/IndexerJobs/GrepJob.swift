import MapReduce

/// Distributed grep, the first example of the MapReduce paper: every line that contains a fixed
/// string, as `file:offset<TAB>line`, by file name and then byte offset.
public struct GrepJob: Job {
    public static let name = "grep"
    public static let summary = "Prints the lines that contain a string, with their file and byte offset"
    public static let options = [
        JobOption(
            name: "pattern",
            parameter: patternParameter,
            valueName: "text",
            help: "The string to look for (required)"
        )
    ]

    /// The job parameter that `--pattern` sets.
    public static let patternParameter = "grep.pattern"

    public init(parameters: JobParameters) throws {
        guard let pattern = parameters[Self.patternParameter], !pattern.isEmpty else {
            throw JobParameterError(message: "give the string to look for with --pattern")
        }
    }

    public var phases: [Phase] {
        [
            Phase(
                "grep",
                input: TextInputFormat(),
                mapper: GrepMapper.self,
                reducer: GrepReducer.self,
                output: TextOutputFormat<String, String>()
            )
        ]
    }
}
