import MapReduce

/// A streaming job's commands and line format, read from its parameters.
struct StreamingSettings: Sendable {
    /// The parameter `--mapper` sets.
    static let mapperParameter = "stream.map.streamprocessor"
    /// The parameter `--combiner` sets.
    static let combinerParameter = "stream.combine.streamprocessor"
    /// The parameter `--reducer` sets.
    static let reducerParameter = "stream.reduce.streamprocessor"
    /// How many tab-separated fields of a map output line make its key, as in Hadoop.
    static let keyFieldsParameter = "stream.num.map.output.key.fields"
    /// The field separator of map output lines, as in Hadoop.
    static let separatorParameter = "stream.map.output.field.separator"

    /// The map command.
    let mapper: String
    /// The combine command run on each spill, or nil.
    let combiner: String?
    /// The reduce command, or nil to write each record as `key<TAB>value`.
    let reducer: String?
    /// How map output lines become keys and values.
    let mapOutput: StreamingLineFormat

    /// The settings in `parameters`.
    ///
    /// - Throws: ``JobParameterError`` without a mapper, or with a key field count below 1 or an
    ///   empty separator.
    init(_ parameters: JobParameters) throws {
        guard let mapper = parameters[Self.mapperParameter], !mapper.allSatisfy(\.isWhitespace) else {
            throw JobParameterError(message: "streaming needs a map command: --mapper COMMAND (\"cat\" passes lines through)")
        }
        self.mapper = mapper
        combiner = Self.command(parameters[Self.combinerParameter])
        reducer = Self.command(parameters[Self.reducerParameter])
        let keyFields = try parameters.int(Self.keyFieldsParameter, default: 1)
        guard keyFields >= 1 else {
            throw JobParameterError(message: "-D \(Self.keyFieldsParameter)=\(keyFields): must be at least 1")
        }
        let separator = Array((parameters[Self.separatorParameter] ?? "\t").utf8)
        guard !separator.isEmpty else {
            throw JobParameterError(message: "-D \(Self.separatorParameter)=: the separator cannot be empty")
        }
        mapOutput = StreamingLineFormat(separator: separator, keyFields: keyFields)
    }

    /// A command, or nil for none or only white space.
    private static func command(_ text: String?) -> String? {
        text.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 }
    }
}
