import Foundation
import LogBytes
import MapReduce
import TestSupport
import Testing

/// Log bytes equals an independent parser: a regular expression for the Common and Combined formats.
struct LogBytesTests {
    /// Sums bytes per host with a regular expression, counting lines that do not match.
    func independentTotals(_ text: String) -> (totals: [String: Int64], malformed: Int) {
        let combined =
            #/^(\S+) \S+ \S+ \[[^\]]*\] "(?:[^"\\]|\\.)*" \d{3} (\d+|-)(?: "(?:[^"\\]|\\.)*" "(?:[^"\\]|\\.)*".*)?$/#
        let twoFields = #/^(\S+) (\d+|-)$/#
        var totals: [String: Int64] = [:]
        var malformed = 0
        let bytes = Array(text.utf8)
        for raw in bytes.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast(bytes.last == 0x0A ? 1 : 0) {
            let line = String(decoding: raw.last == 0x0D ? raw.dropLast() : raw, as: UTF8.self)
            if let match = line.wholeMatch(of: combined) {
                totals[String(match.1), default: 0] += Int64(match.2) ?? 0
            } else if let match = line.wholeMatch(of: twoFields) {
                totals[String(match.1), default: 0] += Int64(match.2) ?? 0
            } else {
                malformed += 1
            }
        }
        return (totals, malformed)
    }

    func outputTotals(_ directory: String) throws -> [String: Int64] {
        var totals: [String: Int64] = [:]
        for line in try Oracles.sortedOutput(directory).split(separator: 0x0A) {
            let fields = line.split(separator: 0x09)
            totals[String(decoding: fields[0], as: UTF8.self)] = Int64(String(decoding: fields[1], as: UTF8.self))
        }
        return totals
    }

    @Test func sharedLogEqualsTheIndependentParser() throws {
        let directory = try TemporaryDirectory("logbytes")
        let (output, result) = try runJob(
            LogBytesJob(parameters: JobParameters()),
            inputs: [SharedData.accessLog],
            in: directory,
            splitSize: 100_000
        )
        let text = try String(contentsOfFile: SharedData.accessLog, encoding: .utf8)
        let expected = independentTotals(text)
        let got = try outputTotals(output)
        #expect(got == expected.totals)
        #expect(got.count == 1753)
        #expect(got.values.reduce(0, +) == 2_747_282_505)
        #expect(result.counters[LogBytesJob.malformedLinesCounter] == 1)
        #expect(expected.malformed == 1)
    }

    @Test func formsAndMalformedLines() throws {
        let directory = try TemporaryDirectory("logbytes-edges")
        let lines = [
            #"10.0.0.1 - - [17/May/2015:10:05:03 +0000] "GET /a HTTP/1.1" 200 1000"#,
            #"10.0.0.1 - frank [17/May/2015:10:05:03 +0000] "GET /b \"quoted\" HTTP/1.1" 200 24 "-" "agent""#,
            #"host.example 5000000000"#,
            #"host.example -"#,
            #"10.0.0.2 - - [17/May/2015:10:05:03 +0000] "GET / HTTP/1.1" 304 -"#,
            #"10.0.0.3 - - [17/May/2015:10:05:03 +0000] "GET / HTTP/1.1" 200 12 "-" "cut off"#,
            #"10.0.0.4 - - [17/May/2015:10:05:03 +0000] "GET / HTTP/1.1" 2000 12"#,
            #"10.0.0.5 - - [17/May/2015:10:05:03 +0000] "GET / HTTP/1.1" 200 12x"#,
            "garbage",
            "",
            "\u{1}\u{2}\u{FFFD} binary",
            #"10.0.0.6 - - [17/May/2015:10:05:03 +0000] "GET / HTTP/1.1" 200 7 "ref" "agent" extra"#,
        ]
        let text = lines.joined(separator: "\r\n") + "\r\n"
        let input = try directory.write("access.log", text)
        let (output, result) = try runJob(LogBytesJob(parameters: JobParameters()), inputs: [input], in: directory)
        let expected = independentTotals(text)
        #expect(try outputTotals(output) == expected.totals)
        #expect(expected.totals == ["10.0.0.1": 1024, "host.example": 5_000_000_000, "10.0.0.2": 0, "10.0.0.6": 7])
        #expect(result.counters[LogBytesJob.malformedLinesCounter] == 6)
        #expect(result.counters[.malformedRecords] == 6)
    }
}
