import Foundation
import MapReduce
import MapReduceEngine
import Streaming
import TestSupport
import Testing

/// Streaming jobs run in-process by the engine, their commands as real processes.
struct StreamingJobTests {
    static let wordMapper = "LC_ALL=C tr -s '[:space:]' '\\n' | grep -av '^$'"

    func parameters(mapper: String, reducer: String? = nil, _ extra: [String: String] = [:]) -> JobParameters {
        var values = extra
        values["stream.map.streamprocessor"] = mapper
        values["stream.reduce.streamprocessor"] = reducer
        return JobParameters(values)
    }

    func run(
        _ parameters: JobParameters,
        inputs: [String],
        in directory: TemporaryDirectory,
        reducers: Int = 3,
        splitSize: Int64 = 512 << 10
    ) throws -> (output: String, result: JobResult) {
        try runJob(
            try StreamingJob(parameters: parameters),
            inputs: inputs,
            in: directory,
            reducers: reducers,
            splitSize: splitSize,
            parameters: parameters
        )
    }

    @Test func theCoreutilsPipelineCountsWordsAsTheOracle() throws {
        let directory = try TemporaryDirectory("streaming-wordcount")
        let books = try SharedData.bookPaths()
        let (output, result) = try run(
            parameters(mapper: Self.wordMapper, reducer: "uniq -c"),
            inputs: books,
            in: directory
        )
        #expect(try Oracles.uniqCountsAsTabbedLines(output) == (try Oracles.coreutilsWordCount(books)))
        #expect(result.counters[.reduceOutputRecords] == result.counters[.reduceInputGroups])
    }

    @Test func withoutAReducerRecordsAreWrittenAsKeyTabValue() throws {
        let directory = try TemporaryDirectory("streaming-identity")
        let input = try directory.write("in.txt", "b 2\na 1\nc\nb 3\n")
        let (output, _) = try run(parameters(mapper: "tr ' ' '\\t'"), inputs: [input], in: directory, reducers: 1)
        #expect(String(decoding: try Oracles.sortedOutput(output), as: UTF8.self) == "a\t1\nb\t2\nb\t3\nc\n")
    }

    @Test func theReducerSeesKeysGroupedInByteOrder() throws {
        let directory = try TemporaryDirectory("streaming-order")
        let input = try directory.write("in.txt", "b\t2\nB\t1\na\t1\nb\t3\né\t4\n")
        let (output, _) = try run(
            parameters(mapper: "cat", reducer: "cat"),
            inputs: [input],
            in: directory,
            reducers: 1
        )
        let text = try String(contentsOfFile: output + "/part-r-00000", encoding: .utf8)
        #expect(text.split(separator: "\n").map { $0.split(separator: "\t")[0] } == ["B", "a", "b", "b", "é"])
    }

    @Test func keyFieldsAndSeparatorFollowHadoopsParameters() throws {
        let directory = try TemporaryDirectory("streaming-fields")
        let input = try directory.write("in.txt", "x.1.a\nx.2.b\nx.1.c\n")
        let (output, _) = try run(
            parameters(
                mapper: "cat",
                reducer: "cat",
                ["stream.num.map.output.key.fields": "2", "stream.map.output.field.separator": "."]
            ),
            inputs: [input],
            in: directory,
            reducers: 1
        )
        let text = try String(contentsOfFile: output + "/part-r-00000", encoding: .utf8)
        #expect(text.split(separator: "\n").sorted() == ["x.1\ta", "x.1\tc", "x.2\tb"])
    }

    /// The one-line error of a job that must fail, run on `text` as its input.
    func failure(of parameters: JobParameters, on text: String, label: String) throws -> String {
        let directory = try TemporaryDirectory(label)
        let input = try directory.write("in.txt", text)
        let error = #expect(throws: (any Error).self) {
            try run(parameters, inputs: [input], in: directory, reducers: 1)
        }
        return error.map { "\($0)" } ?? ""
    }

    @Test func aFailingReducerFailsTheJobWithItsStatusAndStandardError() throws {
        let failing = parameters(
            mapper: "cat",
            reducer: "cat >/dev/null; echo 'first words' >&2; echo 'last words' >&2; exit 3"
        )
        let message = try failure(of: failing, on: "a\nb\n", label: "streaming-fail")
        #expect(message.contains("exited with status 3"), "\(message)")
        #expect(message.contains("first words | last words"), "\(message)")
    }

    @Test func aMissingCommandSaysSo() throws {
        let message = try failure(
            of: parameters(mapper: "no-such-command-for-streaming"),
            on: "a\n",
            label: "streaming-missing"
        )
        #expect(message.contains("exited with status 127 (command not found)"), "\(message)")
        #expect(message.contains("no-such-command-for-streaming"), "\(message)")
    }

    @Test func reporterCountersReachTheJobsCounters() throws {
        let directory = try TemporaryDirectory("streaming-counters")
        let input = try directory.write("in.txt", "a\nb\nc\n")
        let mapper =
            "while read -r line; do echo \"$line\"; echo 'reporter:counter:Lines,SEEN,1' >&2; done; echo 'reporter:status:done' >&2"
        let (_, result) = try run(
            parameters(mapper: mapper, reducer: "cat; echo 'reporter:counter:Out,KEYS,5' >&2"),
            inputs: [input],
            in: directory,
            reducers: 1
        )
        #expect(result.counters["Lines.SEEN"] == 3)
        #expect(result.counters["Out.KEYS"] == 5)
    }

    @Test func aMapperThatStopsReadingAndExitsZeroSucceeds() throws {
        let directory = try TemporaryDirectory("streaming-early")
        let lines = (0..<200_000).map { "line \($0)" }.joined(separator: "\n") + "\n"
        let input = try directory.write("in.txt", lines)
        let (output, result) = try run(
            parameters(mapper: "head -n 1"),
            inputs: [input],
            in: directory,
            reducers: 1,
            splitSize: 64 << 20
        )
        let firstLines = String(decoding: try Oracles.sortedOutput(output), as: UTF8.self).split(separator: "\n")
        #expect(firstLines.contains("line 0"), "\(firstLines)")
        #expect(Int64(firstLines.count) == result.counters[.mapOutputRecords], "one line from each split's mapper")
        #expect(result.counters[.mapInputRecords] == 200_000, "the framework still reads every split to its end")
    }

    @Test func muchOutputForLittleInputAndAReducerThatReadsNothingFinish() throws {
        let directory = try TemporaryDirectory("streaming-flood")
        let padding = String(repeating: "p", count: 50)
        let input = try directory.write(
            "in.txt",
            (0..<20_000).map { "input \($0) \(padding)" }.joined(separator: "\n") + "\n"
        )
        let mapper = "awk '{ for (i = 0; i < 100; i++) print $2 \"\\t\" i \" \" $3 $3 }'"
        let (output, result) = try run(
            parameters(mapper: mapper, reducer: "echo reducer-read-nothing"),
            inputs: [input],
            in: directory,
            reducers: 2
        )
        #expect(try FileManager.default.attributesOfItem(atPath: input)[.size] as? Int ?? 0 >= 1_000_000)
        #expect(result.counters[.mapOutputRecords] == 2_000_000)
        #expect(result.counters[.mapOutputBytes] >= 200_000_000)
        #expect(
            String(decoding: try Oracles.sortedOutput(output), as: UTF8.self)
                == "reducer-read-nothing\nreducer-read-nothing\n"
        )
    }

    @Test func aCombinerCombinesEachSpillWithTheSameLineProtocol() throws {
        let directory = try TemporaryDirectory("streaming-combiner")
        let books = try SharedData.bookPaths()
        let examples = SharedData.repositoryRoot + "/examples/streaming"
        let combined = parameters(
            mapper: "python3 \(examples)/mapper.py",
            reducer: "python3 \(examples)/reducer.py",
            ["stream.combine.streamprocessor": "python3 \(examples)/reducer.py"]
        )
        let (output, result) = try run(combined, inputs: books, in: directory, splitSize: 4 << 20)
        #expect(try Oracles.sortedOutput(output) == Oracles.coreutilsWordCount(books))
        #expect(result.counters[.combineInputRecords] == result.counters[.mapOutputRecords])
        #expect(result.counters[.combineOutputRecords] < result.counters[.combineInputRecords] / 3)
        #expect(result.counters[.reduceInputRecords] == result.counters[.combineOutputRecords])
    }

    @Test func aCombinerThatReordersKeysFailsTheTask() throws {
        let reordering = parameters(mapper: "cat", ["stream.combine.streamprocessor": "LC_ALL=C sort -r"])
        let message = try failure(of: reordering, on: "a\nb\nc\n", label: "streaming-combiner-order")
        #expect(message.contains("a combiner must keep its keys in the order it read them"), "\(message)")
    }

    @Test func aJobWithoutMapperIsRefused() {
        #expect(throws: JobParameterError.self) { try StreamingJob(parameters: JobParameters()) }
    }
}
