import Foundation
import TestSupport
import Testing

/// `mrsubmit teragen`, `terasort` and `teravalidate` as users run them, on the embedded cluster
/// and on a cluster of separate processes.
struct TeraSortCommandTests {
    /// The `RECORD_CHECKSUM` counter in a teragen run's summary.
    func checksum(in text: String) -> String? {
        text.split(separator: "\n").first { $0.contains("RECORD_CHECKSUM") }?.split(separator: " ").last.map(
            String.init
        )
    }

    /// Runs the three jobs with `run` in `work`, checks their output, then breaks the order of
    /// one part and checks that teravalidate names it.
    func generateSortValidate(in work: TemporaryDirectory, _ run: ([String]) throws -> ProcessOutput) throws {
        let generated = try run(["teragen", "--rows", "4000", "--maps", "3", "-o", "in"])
        #expect(generated.status == 0, "\(generated.standardError)")
        let parts = try FileManager.default.contentsOfDirectory(atPath: work.file("in")).filter {
            $0.hasPrefix("part-m-")
        }
        #expect(parts.count == 3)
        let sum = try #require(checksum(in: generated.text), "\(generated.text)")
        let sorted = try run(["terasort", "in", "-o", "out", "--reducers", "3", "--split-size", "64k"])
        #expect(sorted.status == 0, "\(sorted.standardError)")
        let valid = try run(["teravalidate", "out", "-o", "report", "--expect-checksum", sum])
        #expect(valid.status == 0, "\(valid.standardError)\(valid.text)")
        let verdict = valid.text.split(separator: "\n").last.map(String.init) ?? ""
        #expect(verdict.hasPrefix("valid: 4000 records in key order across 3 parts"), "\(valid.text)")
        #expect(verdict.hasSuffix("as expected"))

        let part = work.file("out/part-r-00002")
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: part)))
        bytes.replaceSubrange(500..<600, with: [UInt8](repeating: 0, count: 100))
        try Data(bytes).write(to: URL(fileURLWithPath: part))
        let invalid = try run(["teravalidate", "out", "-o", "bad-report"])
        #expect(invalid.status == 1, "\(invalid.standardError)")
        #expect(
            invalid.text.split(separator: "\n").last?.hasPrefix("invalid: part-r-00002 record 5 is out of order")
                == true
        )
        let missing = try run(["teragen", "-o", "none"])
        #expect(missing.status != 0)
        #expect(missing.standardError.contains("--rows is required"), "\(missing.standardError)")
    }

    @Test func theTeraSortFamilyRunsOnTheEmbeddedCluster() throws {
        let work = try TemporaryDirectory("e2e-terasort")
        try generateSortValidate(in: work) { arguments in
            try ProcessOutput.run(MRSubmitTests.executable, arguments, in: work.path)
        }
    }

    @Test func theTeraSortFamilyRunsOnAProcessCluster() throws {
        let cluster = try ClusterProcessTests.Cluster(trackers: 2)
        let work = try TemporaryDirectory("cluster-terasort")
        try generateSortValidate(in: work) { arguments in try cluster.mrsubmit(arguments, in: work.path) }
        let planned = try cluster.mrsubmit(
            ["teragen", "--rows", "500", "--maps", "2", "-o", work.file("remote-in"), "--remote-paths"],
            in: work.path
        )
        #expect(planned.status == 0, "a setup task on the cluster plans generated input: \(planned.standardError)")
        let size = try FileManager.default.contentsOfDirectory(atPath: work.file("remote-in")).filter {
            $0.hasPrefix("part-m-")
        }.reduce(0) { $0 + (try Data(contentsOf: URL(fileURLWithPath: work.file("remote-in/" + $1))).count) }
        #expect(size == 50_000)
    }
}
