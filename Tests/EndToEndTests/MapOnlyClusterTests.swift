import Foundation
import TestSupport
import Testing

/// Map-only jobs (`--reducers 0`) through `mrsubmit`: on the embedded cluster, on a process cluster
/// whose trackers upload their `part-m-NNNNN` files with `commitOutput`, and on one whose trackers
/// write them in place on the JobTracker's file system.
struct MapOnlyClusterTests {
    static let mapper = "cat -n | tr a-z A-Z"

    /// Writes three files of about 300 KB each, one split and one map task apiece at 512 KB.
    static func writeInputs(in directory: TemporaryDirectory) throws -> [String] {
        try (0..<3).map { file in
            var text = ""
            var line = 0
            while text.utf8.count < 300_000 {
                line += 1
                text +=
                    line % 5 == 0 ? "file \(file) line \(line)\tends with a tab\t\n" : "words of file \(file) \(line)\n"
            }
            try directory.write("in-\(file).txt", text)
            return "in-\(file).txt"
        }
    }

    /// The job arguments of the streaming and the word count map-only runs into `prefix`-named outputs.
    static func jobs(_ inputs: [String], prefix: String) -> [[String]] {
        [
            ["streaming", "--mapper", mapper] + inputs + ["-o", "\(prefix)-streaming"],
            ["wordcount"] + inputs + ["-o", "\(prefix)-wordcount"],
        ].map { $0 + ["--reducers", "0", "--split-size", "512k"] }
    }

    /// The part files of an output directory, by name, with their bytes.
    static func parts(_ directory: String) throws -> [String: Data] {
        var parts: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory) where name.hasPrefix("part-") {
            parts[name] = try Data(contentsOf: URL(fileURLWithPath: directory + "/" + name))
        }
        return parts
    }

    @Test func mapOnlyJobsOnANetworkOnlyClusterEqualTheEmbeddedRunByteForByte() throws {
        let cluster = try ClusterProcessTests.Cluster(trackers: 2)
        let work = try TemporaryDirectory("e2e-map-only")
        let inputs = try Self.writeInputs(in: work)
        for (remote, embedded) in zip(Self.jobs(inputs, prefix: "remote"), Self.jobs(inputs, prefix: "embedded")) {
            let onCluster = try cluster.mrsubmit(remote, in: work.path)
            #expect(onCluster.status == 0, "\(onCluster.standardError)\n\(cluster.daemons[0].log.suffix(3000))")
            let local = try ProcessOutput.run(MRSubmitTests.executable, embedded, in: work.path)
            #expect(local.status == 0, "\(local.standardError)")
            let remoteParts = try Self.parts(work.file(remote[remote.firstIndex(of: "-o")! + 1]))
            let embeddedParts = try Self.parts(work.file(embedded[embedded.firstIndex(of: "-o")! + 1]))
            #expect(remoteParts.keys.sorted() == ["part-m-00000", "part-m-00001", "part-m-00002"])
            #expect(remoteParts == embeddedParts, "\(remote[0]): the process cluster's output differs")
        }
        for (index, input) in inputs.enumerated() {
            let split = try Data(contentsOf: URL(fileURLWithPath: work.file(input)))
            let byHand = try ProcessOutput.run("/bin/sh", ["-c", Self.mapper], input: split)
            let written = try Data(contentsOf: URL(fileURLWithPath: work.file("remote-streaming/part-m-0000\(index)")))
            #expect(written == byHand.standardOutput, "part-m-0000\(index) is not the mapper run over \(input)")
        }
        let trackerLogs = cluster.daemons.dropFirst().map(\.log).joined()
        let committed = trackerLogs.components(separatedBy: "\n").filter { $0.contains("map-only output committed") }
        #expect(committed.count == 6 && committed.allSatisfy { $0.contains("output=uploaded") }, "\(committed)")
    }

    @Test func mapOnlyMapsWriteInPlaceOnASharedFileSystem() throws {
        let cluster = try ClusterProcessTests.Cluster(trackers: 2, networkOnly: false)
        let work = try TemporaryDirectory("e2e-map-only-in-place")
        let inputs = try Self.writeInputs(in: work).map { work.file($0) }
        let run = try cluster.mrsubmit(
            ["streaming", "--mapper", Self.mapper] + inputs
                + ["-o", work.file("out"), "--remote-paths", "--reducers", "0", "--split-size", "512k"],
            in: work.path
        )
        #expect(run.status == 0, "\(run.standardError)\n\(cluster.daemons[0].log.suffix(3000))")
        let parts = try Self.parts(work.file("out"))
        #expect(parts.keys.sorted() == ["part-m-00000", "part-m-00001", "part-m-00002"])
        for (index, input) in inputs.enumerated() {
            let split = try Data(contentsOf: URL(fileURLWithPath: input))
            let byHand = try ProcessOutput.run("/bin/sh", ["-c", Self.mapper], input: split)
            #expect(parts["part-m-0000\(index)"] == byHand.standardOutput, "part-m-0000\(index) differs")
        }
        let trackerLogs = cluster.daemons.dropFirst().map(\.log).joined()
        let committed = trackerLogs.components(separatedBy: "\n").filter { $0.contains("map-only output committed") }
        #expect(committed.count == 3 && committed.allSatisfy { $0.contains("output=in-place") }, "\(committed)")
    }

    @Test func aJobThatNeedsItsReducesRefusesMapOnlyInOneLine() throws {
        let directory = try TemporaryDirectory("e2e-map-only-refused")
        try directory.write("photo.tif", "not really an image")
        let run = try ProcessOutput.run(
            MRSubmitTests.executable,
            ["histeq", "photo.tif", "--reducers", "0"],
            in: directory.path
        )
        #expect(run.status != 0)
        #expect(run.standardError.contains("cannot run map-only (--reducers 0)"), "\(run.standardError)")
        #expect(run.standardError.split(separator: "\n").count == 1, "\(run.standardError)")
        let negative = try ProcessOutput.run(MRSubmitTests.executable, ["wordcount", "x", "--reducers", "-1"])
        #expect(negative.status != 0)
    }
}
