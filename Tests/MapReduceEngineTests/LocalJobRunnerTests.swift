import Foundation
import MapReduce
import MapReduceEngine
import TestSupport
import Testing
import WordCount

/// The engine's map, spill, merge, reduce and commit, run in one process.
struct LocalJobRunnerTests {
    let job = JobID(cluster: "20260101000000", sequence: 1)

    func run(
        _ job: any Job,
        inputs: [String],
        output: String,
        reducers: Int = 3,
        splitSize: Int64 = 256 << 10,
        buffer: Int = 64 << 20,
        parameters: JobParameters = JobParameters()
    ) throws -> JobResult {
        let configuration = JobConfiguration(
            inputs: inputs,
            outputPath: output,
            parameters: parameters,
            reducers: reducers,
            splitSize: splitSize,
            mapBufferSize: buffer,
            slots: 2
        )
        return try LocalJobRunner(configuration: configuration).run(job, id: self.job)
    }

    @Test func smallBufferSpillsAndMergesToTheSameOutput() throws {
        let directory = try TemporaryDirectory("spill")
        let inputs = [SharedData.books + "/pg345.txt", SharedData.books + "/pg11.txt"]
        let big = try run(WordCountJob(parameters: JobParameters()), inputs: inputs, output: directory.file("big"))
        let small = try run(
            WordCountJob(parameters: JobParameters()),
            inputs: inputs,
            output: directory.file("small"),
            buffer: 64 << 10
        )
        #expect(try Oracles.sortedOutput(directory.file("big")) == Oracles.sortedOutput(directory.file("small")))
        #expect(small.counters[.spilledRecords] > big.counters[.spilledRecords])
        #expect(small.counters[.reduceInputRecords] < small.counters[.spilledRecords])
        #expect(try Oracles.sortedOutput(directory.file("small")) == Oracles.coreutilsWordCount(inputs))
    }

    /// With a 3 MiB buffer a map spills every few blobs (MapOutputBufferTests) and merges the runs.
    @Test func largeSplitValuesSurviveSpillsAndMerges() throws {
        let directory = try TemporaryDirectory("large-values")
        let input = try directory.write("tags.txt", (0..<14).map(String.init).joined(separator: "\n") + "\n")
        let expected = "0\t5\n1\t5\n2\t4\n"
        let whole = try run(
            LargeValueJob(parameters: JobParameters()),
            inputs: [input],
            output: directory.file("whole"),
            reducers: 1
        )
        let spilled = try run(
            LargeValueJob(parameters: JobParameters()),
            inputs: [input],
            output: directory.file("spilled"),
            reducers: 1,
            buffer: 3 << 20
        )
        #expect(try String(contentsOfFile: directory.file("whole") + "/part-r-00000", encoding: .utf8) == expected)
        #expect(try String(contentsOfFile: directory.file("spilled") + "/part-r-00000", encoding: .utf8) == expected)
        #expect(spilled.counters[.mapOutputBytes] == whole.counters[.mapOutputBytes])
    }

    @Test func combinerOnAndOffGiveEqualOutput() throws {
        let directory = try TemporaryDirectory("combiner")
        let inputs = [SharedData.books + "/pg46.txt", SharedData.books + "/pg84.txt"]
        let with = try run(
            WordCountJob(parameters: JobParameters()),
            inputs: inputs,
            output: directory.file("with"),
            buffer: 256 << 10
        )
        let without = try run(
            UncombinedWordCountJob(parameters: JobParameters()),
            inputs: inputs,
            output: directory.file("without"),
            buffer: 256 << 10
        )
        #expect(try Oracles.sortedOutput(directory.file("with")) == Oracles.sortedOutput(directory.file("without")))
        #expect(without.counters[.combineInputRecords] == 0)
        #expect(with.counters[.reduceInputRecords] < without.counters[.reduceInputRecords])
        #expect(without.counters[.reduceInputRecords] == without.counters[.mapOutputRecords])
    }

    @Test func outputAppearsWithSuccessMarkerAndPartsInKeyOrder() throws {
        let directory = try TemporaryDirectory("commit")
        let output = directory.file("out")
        let result = try run(
            WordCountJob(parameters: JobParameters()),
            inputs: [SharedData.books + "/pg11.txt"],
            output: output,
            reducers: 4
        )
        let names = try FileManager.default.contentsOfDirectory(atPath: output).sorted()
        #expect(names == ["_SUCCESS", "part-r-00000", "part-r-00001", "part-r-00002", "part-r-00003"])
        for name in names where name.hasPrefix("part-") {
            let data = try Data(contentsOf: URL(fileURLWithPath: output + "/" + name))
            let keys = data.split(separator: 0x0A).map { Array($0.prefix { $0 != 0x09 }) }
            #expect(keys == keys.sorted { $0.lexicographicallyPrecedes($1) })
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["out"])
        #expect(result.counters[.reduceOutputRecords] > 3000)
    }

    @Test func failedJobLeavesNoOutput() throws {
        let directory = try TemporaryDirectory("failed")
        let output = directory.file("out")
        #expect {
            _ = try run(
                FailingWordCountJob(parameters: JobParameters()),
                inputs: [SharedData.books + "/pg345.txt"],
                output: output
            )
        } throws: { error in
            "\(error)".contains("_r_") && "\(error)".contains("reducer refused the word Dracula")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    @Test func existingOutputIsRefusedUnlessReplaced() throws {
        let directory = try TemporaryDirectory("existing")
        try directory.write("out/keep.txt", "precious")
        let input = [SharedData.books + "/pg11.txt"]
        #expect(throws: InputError.self) {
            _ = try run(WordCountJob(parameters: JobParameters()), inputs: input, output: directory.file("out"))
        }
        #expect(FileManager.default.fileExists(atPath: directory.file("out/keep.txt")))
        let configuration = JobConfiguration(inputs: input, outputPath: directory.file("out"), replacesOutput: true)
        _ = try LocalJobRunner(configuration: configuration).run(WordCountJob(parameters: JobParameters()), id: job)
        #expect(!FileManager.default.fileExists(atPath: directory.file("out/keep.txt")))
        #expect(FileManager.default.fileExists(atPath: directory.file("out/_SUCCESS")))
    }

    @Test func broadcastCarriesThePreviousPhasesResult() throws {
        let directory = try TemporaryDirectory("broadcast")
        let input = SharedData.books + "/pg1342.txt"
        _ = try run(
            FrequentWordsJob(parameters: JobParameters()),
            inputs: [input],
            output: directory.file("out"),
            parameters: JobParameters(["frequent.permille": "10"])
        )
        let all = try Oracles.coreutilsWordCount([input])
        let lines = all.split(separator: 0x0A).map { Array($0) }
        let counts = lines.map { Int(String(decoding: $0.split(separator: 0x09).last!, as: UTF8.self))! }
        let total = counts.reduce(0, +)
        let expected = zip(lines, counts).filter { $0.1 >= total * 10 / 1000 }.map(\.0)
        let got = try Oracles.sortedOutput(directory.file("out")).split(separator: 0x0A).map { Array($0) }
        #expect(got == expected)
        #expect(got.count > 5)
    }
}
