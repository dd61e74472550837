import MapReduce

/// Counts how often each word occurs in text files.
///
/// By default a word is a maximal run of bytes that are not ASCII white space (space, `\t`, `\n`,
/// `\v`, `\f`, `\r`), so the output equals `LC_ALL=C tr -s '[:space:]' '\n' | sort | uniq -c`
/// for any bytes, invalid UTF-8 included. With `--normalize`, see ``NormalizingTokenizer``.
public struct WordCountJob: Job {
    public static let name = "wordcount"
    public static let summary = "Counts the occurrences of each word in text files"
    public static let options = [
        JobOption(
            name: "normalize", parameter: normalizeParameter,
            help: "Count Unicode words case-folded (letters and digits, inner apostrophes kept) instead of raw byte runs")
    ]
    public static let resultSummary = ResultSummary.topValues(count: 10, label: "words", showsTotal: true)

    /// The job parameter that `--normalize` sets.
    public static let normalizeParameter = "wordcount.normalize"

    public init(parameters: JobParameters) throws {
        _ = try parameters.bool(Self.normalizeParameter)
    }

    public var phases: [Phase] {
        [
            Phase(
                "count", input: TextInputFormat(keepsByteOrderMark: true), mapper: WordCountMapper.self,
                combiner: SumCombiner<Int>.self, reducer: WordCountReducer.self,
                output: TextOutputFormat<ByteSlice, Int>())
        ]
    }
}
