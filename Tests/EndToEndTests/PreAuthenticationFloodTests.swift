import Foundation
import TestSupport
import Testing

/// Hundreds of connections that never authenticate push as much as they can at a JobTracker
/// process and at a TaskTracker's shuffle port: both stay under 100 MB and a job still runs.
/// `scripts/attack-preauth-flood` does the flooding; run it with 1,000 connections by hand.
@Suite(.serialized)
struct PreAuthenticationFloodTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/attack-preauth-flood").path

    /// The summary the script prints as its last line.
    struct Summary: Decodable {
        var opened: Int
        var closed_by_daemon: Int
        var peak_rss_mb: [String: Double]
        var command_status: Int32?
    }

    @Test func aFloodLeavesTheDaemonsSmallAndAbleToRunAJob() throws {
        let cluster = try ClusterProcessTests.Cluster(trackers: 1)
        let jobTracker = cluster.daemons[0].process.processIdentifier
        let tracker = cluster.daemons[1]
        var shuffle = ""
        _ = Daemon.wait(seconds: 10) {
            shuffle = tracker.log.firstMatch(of: /shuffle=(127\.0\.0\.\d+:\d+)/).map { String($0.1) } ?? ""
            return !shuffle.isEmpty
        }
        #expect(!shuffle.isEmpty, "the tracker did not log its shuffle address:\n\(tracker.log)")
        let work = try TemporaryDirectory("flood-client")
        let flood = try ProcessOutput.run(
            "/usr/bin/env",
            [
                "python3", Self.script, "127.0.0.1:\(cluster.port)", shuffle, "--connections", "250", "--seconds", "4",
                "--watch", "\(jobTracker)", "--watch", "\(tracker.process.processIdentifier)", "--during",
                ClusterProcessTests.binaries + "/mrsubmit", "wordcount", SharedData.books + "/pg11.txt", "-o",
                work.file("out"),
                "--cluster", "127.0.0.1:\(cluster.port)", "--secret-file", cluster.secretFile,
            ],
            in: work.path,
            timeout: 240
        )
        #expect(flood.status == 0, "\(flood.standardError)")
        let last = flood.text.split(separator: "\n").last.map(String.init) ?? ""
        let summary = try JSONDecoder().decode(Summary.self, from: Data(last.utf8))
        #expect(summary.closed_by_daemon > 250, "the daemons should close flooding connections at once: \(flood.text)")
        for (pid, megabytes) in summary.peak_rss_mb {
            #expect(megabytes < 100, "process \(pid) grew to \(megabytes) MB under the flood: \(flood.text)")
        }
        #expect(summary.command_status == 0, "the job must run during the flood: \(flood.text)")
    }
}
