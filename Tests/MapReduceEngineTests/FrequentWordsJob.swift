import MapReduce
import WordCount

/// A two-phase job that uses a broadcast: phase 1 counts all words into one total, phase 2
/// keeps the words whose count is at least `frequent.permille` thousandths of that total.
struct FrequentWordsJob: Job {
    static let name = "test-frequent-words"
    static let summary = "Words above a share of all words (broadcast test)"

    init(parameters: JobParameters) {}

    var phases: [Phase] {
        [
            Phase(
                "total",
                input: TextInputFormat(),
                mapper: TotalMapper.self,
                combiner: SumCombiner<Int>.self,
                reducer: TotalReducer.self,
                reduceTasks: .exactly(1),
                output: BroadcastOutputFormat<String, Int>()
            ),
            Phase(
                "frequent",
                input: TextInputFormat(),
                mapper: WordCountMapper.self,
                combiner: SumCombiner<Int>.self,
                reducer: ThresholdReducer.self,
                output: TextOutputFormat<ByteSlice, Int>()
            ),
        ]
    }

    /// Emits the number of words of each line under one key.
    struct TotalMapper: Mapper {
        init() {}

        mutating func map(_ line: TextLine, context: MapContext<String, Int>) throws {
            var words = 0
            var inWord = false
            for byte in line.bytes {
                let space = byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
                if !space && !inWord { words += 1 }
                inWord = !space
            }
            try context.emit("total", words)
        }
    }

    /// Writes the grand total for the broadcast.
    struct TotalReducer: Reducer {
        init() {}

        mutating func reduce(_ key: String, values: ReduceValues<Int>, context: ReduceContext<String, Int>) throws {
            try context.write(key, values.reduce(0, +))
        }
    }

    /// Keeps words at or above the threshold computed from the broadcast total.
    struct ThresholdReducer: Reducer {
        var threshold = 0

        init() {}

        mutating func setup(_ context: ReduceContext<ByteSlice, Int>) throws {
            let total = try context.info.broadcast.value(forKey: "total", as: Int.self) ?? 0
            let permille = try context.parameters.int("frequent.permille", default: 5)
            threshold = total * permille / 1000
        }

        mutating func reduce(
            _ word: ByteSlice,
            values: ReduceValues<Int>,
            context: ReduceContext<ByteSlice, Int>
        ) throws {
            let count = values.reduce(0, +)
            if count >= threshold { try context.write(word, count) }
        }
    }
}
