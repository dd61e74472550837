import MapReduce
import WordCount

/// Word count without a combiner, to compare with the combining one.
struct UncombinedWordCountJob: Job {
    static let name = "test-uncombined-wordcount"
    static let summary = "Word count without a combiner"

    init(parameters: JobParameters) {}

    var phases: [Phase] {
        [
            Phase(
                "count",
                input: TextInputFormat(keepsByteOrderMark: true),
                mapper: WordCountMapper.self,
                reducer: WordCountReducer.self,
                output: TextOutputFormat<ByteSlice, Int>()
            )
        ]
    }
}

/// A reducer that fails on the word "Dracula", to check that failed jobs leave no output.
struct FailingReducer: Reducer {
    struct Failure: Error, CustomStringConvertible {
        var description: String { "reducer refused the word Dracula" }
    }

    init() {}

    mutating func reduce(_ word: ByteSlice, values: ReduceValues<Int>, context: ReduceContext<ByteSlice, Int>) throws {
        if word.string == "Dracula" { throw Failure() }
        try context.write(word, values.reduce(0, +))
    }
}

/// Word count whose reducer fails on one word.
struct FailingWordCountJob: Job {
    static let name = "test-failing-wordcount"
    static let summary = "Word count that fails in a reducer"

    init(parameters: JobParameters) {}

    var phases: [Phase] {
        [
            Phase(
                "count",
                input: TextInputFormat(),
                mapper: WordCountMapper.self,
                combiner: SumCombiner<Int>.self,
                reducer: FailingReducer.self,
                output: TextOutputFormat<ByteSlice, Int>()
            )
        ]
    }
}
