import Foundation
import MapReduce
import MapReduceEngine
import Streaming
import TestSupport
import Testing
import WordCount

/// Map-only jobs (`--reducers 0`) run in-process: each map writes its output, unsorted and in
/// emit order, to its own `part-m-NNNNN` file, and nothing is shuffled or reduced.
struct MapOnlyJobTests {
    /// A mapper whose output shows that it ran once per split, over that split's lines in order.
    static let numberingMapper = "cat -n | tr a-z A-Z"

    /// Writes `count` files of about 300 KB, each its own split and map task at a 512 KB split size.
    static func writeInputs(_ count: Int, in directory: TemporaryDirectory) throws -> [String] {
        try (0..<count).map { file in
            var text = ""
            var line = 0
            while text.utf8.count < 300_000 {
                line += 1
                switch line % 7 {
                case 0: text += "\n"
                case 3: text += "file \(file) line \(line) ends with a tab\t\n"
                default: text += "file \(file) has words on line \(line) zeta alpha  beta\n"
                }
            }
            let name = "in-\(file).txt"
            try directory.write(name, text)
            return directory.file(name)
        }
    }

    /// The files of an output directory, by name.
    static func outputFiles(_ directory: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasPrefix("part-") }.sorted()
    }

    @Test func aStreamingMapOnlyJobWritesTheMapperOutputOfEachSplitAsItIs() throws {
        let directory = try TemporaryDirectory("map-only-streaming")
        let inputs = try Self.writeInputs(3, in: directory)
        let parameters = JobParameters(["stream.map.streamprocessor": Self.numberingMapper])
        let (output, result) = try runJob(
            try StreamingJob(parameters: parameters),
            inputs: inputs,
            in: directory,
            reducers: 0,
            parameters: parameters
        )
        #expect(try Self.outputFiles(output) == ["part-m-00000", "part-m-00001", "part-m-00002"])
        for (index, input) in inputs.enumerated() {
            let split = try Data(contentsOf: URL(fileURLWithPath: input))
            let byHand = try ProcessOutput.run("/bin/sh", ["-c", Self.numberingMapper], input: split)
            #expect(byHand.status == 0)
            let written = try Data(contentsOf: URL(fileURLWithPath: output + "/part-m-0000\(index)"))
            #expect(written == byHand.standardOutput, "part-m-0000\(index) differs from the mapper run by hand")
        }
        #expect(result.counters[.reduceInputRecords] == 0)
        #expect(result.counters[.mapOutputRecords] == result.counters[.mapInputRecords])
    }

    @Test func wordCountWithoutReducesWritesEachMapsPairsInEmitOrder() throws {
        let directory = try TemporaryDirectory("map-only-wordcount")
        let inputs = try Self.writeInputs(2, in: directory)
        let (output, result) = try runJob(
            try WordCountJob(parameters: JobParameters()),
            inputs: inputs,
            in: directory,
            reducers: 0
        )
        #expect(try Self.outputFiles(output) == ["part-m-00000", "part-m-00001"])
        for (index, input) in inputs.enumerated() {
            let words = try String(contentsOfFile: input, encoding: .utf8)
                .split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
            let expected = words.map { "\($0)\t1\n" }.joined()
            let written = try String(contentsOfFile: output + "/part-m-0000\(index)", encoding: .utf8)
            #expect(written == expected, "part-m-0000\(index) is not the map's unsorted output")
        }
        #expect(result.counters[.combineInputRecords] == 0)
        #expect(result.counters[.spilledRecords] == 0)
    }

    @Test func aJobWhosePhasesNeedReducesRefusesMapOnlyInOneLine() throws {
        let directory = try TemporaryDirectory("map-only-refused")
        let inputs = try Self.writeInputs(1, in: directory)
        #expect {
            _ = try runJob(MultiPhaseJob(), inputs: inputs, in: directory, reducers: 0)
        } throws: { error in
            let text = "\(error)"
            return text.contains("cannot run map-only (--reducers 0)") && !text.contains("\n")
        }
    }
}

/// A job whose first phase hands a broadcast to its second, so it cannot run map-only.
private struct MultiPhaseJob: Job {
    static let name = "two-phases"
    static let summary = "Two phases, the first writing a broadcast"

    init() {}
    init(parameters: JobParameters) throws {}

    var phases: [Phase] {
        [
            Phase(
                "first",
                input: TextInputFormat(),
                mapper: WordCountMapper.self,
                combiner: SumCombiner<Int>.self,
                reducer: WordCountReducer.self,
                output: BroadcastOutputFormat<ByteSlice, Int>()
            ),
            Phase(
                "second",
                input: TextInputFormat(),
                mapper: WordCountMapper.self,
                combiner: SumCombiner<Int>.self,
                reducer: WordCountReducer.self,
                output: TextOutputFormat<ByteSlice, Int>()
            ),
        ]
    }
}
