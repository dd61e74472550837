import Foundation
import MapReduce
import MapReduceEngine
import TeraSort
import TestSupport
import Testing

/// TeraGen, TeraSort and TeraValidate on the local runner.
struct TeraSortTests {
    func run(
        _ job: any Job,
        inputs: [String],
        output: String,
        reducers: Int = 2,
        parameters: JobParameters = JobParameters()
    ) throws -> JobResult {
        let configuration = JobConfiguration(
            inputs: inputs,
            outputPath: output,
            parameters: parameters,
            reducers: reducers,
            splitSize: 64 << 10,
            slots: 2
        )
        return try LocalJobRunner(configuration: configuration).run(job, id: JobID(cluster: "1", sequence: 3))
    }

    func generate(rows: Int, maps: Int, into output: String) throws -> JobResult {
        let parameters = JobParameters(["teragen.rows": "\(rows)", "teragen.maps": "\(maps)"])
        return try run(TeraGenJob(parameters: parameters), inputs: [], output: output, parameters: parameters)
    }

    func validate(_ directory: String, report: String, _ parameters: [String: String] = [:]) throws -> [String] {
        let parameters = JobParameters(parameters)
        _ = try run(
            TeraValidateJob(parameters: parameters),
            inputs: [directory],
            output: report,
            parameters: parameters
        )
        let text = try String(contentsOfFile: report + "/part-r-00000", encoding: .utf8)
        return text.split(separator: "\n").map(String.init)
    }

    /// The files of `directory` named with `prefix`, concatenated in name order.
    func concatenated(_ directory: String, prefix: String) throws -> [UInt8] {
        try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasPrefix(prefix) }.sorted()
            .flatMap { Array(try Data(contentsOf: URL(fileURLWithPath: directory + "/" + $0))) }
    }

    @Test func recordsFollowTheGenSortLayout() throws {
        var record = [UInt8](repeating: 0, count: 100)
        record.withUnsafeMutableBytes { TeraRecord.generate(row: 0x1234, seed: 7, into: $0) }
        #expect(record[10...11] == [0x00, 0x11])
        #expect(String(decoding: record[12..<44], as: UTF8.self) == "00000000000000000000000000001234")
        #expect(record[44...47] == [0x88, 0x99, 0xAA, 0xBB])
        #expect(record[96...99] == [0xCC, 0xDD, 0xEE, 0xFF])
        for index in 0..<12 { #expect(Set(record[48 + 4 * index..<52 + 4 * index]).count == 1) }
    }

    @Test func teragenDoesNotDependOnTheNumberOfMaps() throws {
        let directory = try TemporaryDirectory("teragen-maps")
        let one = try generate(rows: 1000, maps: 1, into: directory.file("one"))
        let five = try generate(rows: 1000, maps: 5, into: directory.file("five"))
        let bytes = try concatenated(directory.file("one"), prefix: "part-m-")
        #expect(bytes.count == 100_000)
        #expect(bytes == (try concatenated(directory.file("five"), prefix: "part-m-")))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: directory.file("five")).filter {
                $0.hasPrefix("part-m-")
            }.count == 5
        )
        #expect(one.counters["RECORD_CHECKSUM"] == five.counters["RECORD_CHECKSUM"])
        #expect(one.counters[.mapOutputRecords] == 1000)
    }

    @Test(arguments: [1, 2, 3, 7])
    func teragenTerasortTeravalidate(reducers: Int) throws {
        let directory = try TemporaryDirectory("terasort-\(reducers)")
        let generated = try generate(rows: 6000, maps: 3, into: directory.file("in"))
        let checksum = generated.counters["RECORD_CHECKSUM"]
        _ = try run(
            TeraSortJob(parameters: JobParameters()),
            inputs: [directory.file("in")],
            output: directory.file("out"),
            reducers: reducers
        )
        let report = try validate(
            directory.file("out"),
            report: directory.file("report"),
            ["teravalidate.expect.checksum": "\(checksum)", "teravalidate.expect.records": "6000"]
        )
        #expect(
            report.first?.hasPrefix("valid: 6000 records in key order across \(reducers) parts") == true,
            "\(report)"
        )
        #expect(report.first?.hasSuffix(", as expected") == true)
        #expect(report.contains("checksum\t\(checksum)"))
        let unordered = try validate(
            directory.file("in"),
            report: directory.file("input-report"),
            ["teravalidate.unordered": "true"]
        )
        #expect(unordered.contains("checksum\t\(checksum)"), "\(unordered)")
    }

    @Test func teravalidateNamesTheFirstRecordOutOfOrder() throws {
        let directory = try TemporaryDirectory("teravalidate-bad")
        _ = try generate(rows: 3000, maps: 2, into: directory.file("in"))
        _ = try run(
            TeraSortJob(parameters: JobParameters()),
            inputs: [directory.file("in")],
            output: directory.file("out"),
            reducers: 3
        )
        let part = directory.file("out/part-r-00001")
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: part)))
        let swapped = Array(bytes[1700..<1800])
        bytes.replaceSubrange(1700..<1800, with: bytes[1600..<1700])
        bytes.replaceSubrange(1600..<1700, with: swapped)
        try Data(bytes).write(to: URL(fileURLWithPath: part))
        let report = try validate(directory.file("out"), report: directory.file("report"))
        #expect(report.first?.hasPrefix("invalid: part-r-00001 record 17 is out of order") == true, "\(report)")

        let wrongCount = try validate(
            directory.file("out"),
            report: directory.file("count-report"),
            ["teravalidate.unordered": "true", "teravalidate.expect.records": "2999"]
        )
        #expect(wrongCount.first == "invalid: 3000 records, expected 2999")
    }

    @Test func teravalidateCatchesPartsOutOfOrder() throws {
        let directory = try TemporaryDirectory("teravalidate-parts")
        _ = try generate(rows: 2000, maps: 2, into: directory.file("in"))
        _ = try run(
            TeraSortJob(parameters: JobParameters()),
            inputs: [directory.file("in")],
            output: directory.file("out"),
            reducers: 2
        )
        let (first, second) = (directory.file("out/part-r-00000"), directory.file("out/part-r-00001"))
        try FileManager.default.moveItem(atPath: first, toPath: directory.file("out/saved"))
        try FileManager.default.moveItem(atPath: second, toPath: first)
        try FileManager.default.moveItem(atPath: directory.file("out/saved"), toPath: second)
        let report = try validate(directory.file("out"), report: directory.file("report"))
        #expect(report.first?.hasPrefix("invalid: part-r-00001 record 0 is out of order") == true, "\(report)")
    }

    @Test func badParametersAreRefusedInOneLine() {
        #expect(throws: JobParameterError.self) { try TeraGenJob(parameters: JobParameters()) }
        #expect(throws: JobParameterError.self) {
            try TeraGenJob(parameters: JobParameters(["teragen.rows": "-1"]))
        }
        #expect(throws: JobParameterError.self) {
            try TeraValidateJob(parameters: JobParameters(["teravalidate.expect.checksum": "x"]))
        }
    }
}
