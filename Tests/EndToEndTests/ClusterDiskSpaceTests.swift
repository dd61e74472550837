import Foundation
import TestSupport
import Testing

/// A tracker whose work directory has less free space than `--min-free-space` is not ready,
/// says why on `/readyz` and the console, and gets no tasks while another tracker runs the job.
@Suite(.serialized)
struct ClusterDiskSpaceTests {
    @Test func aTrackerShortOfDiskSpaceTakesNoTasksAndSaysWhy() throws {
        let cluster = try ClusterProcessTests.Cluster(trackers: 1)
        try cluster.addTracker(["--min-free-space", "100%"])
        let full = cluster.daemons[2]
        let registered = Daemon.wait(seconds: 15) {
            cluster.daemons[0].log.components(separatedBy: "tracker registered").count - 1 == 2
        }
        #expect(registered, "\(full.log)")
        let drain = ClusterDrainTests()
        let readiness = HTTPProbe.get(host: "127.0.0.3", port: try drain.httpPort(of: full), path: "/readyz")
        #expect(readiness.status == 503, "\(readiness)")
        #expect(readiness.body.hasPrefix("low on disk space: the work directory has "), "\(readiness.body)")
        #expect(readiness.body.contains("(--min-free-space 100%)"), "\(readiness.body)")
        #expect(full.log.contains("taking no new tasks: low on disk space"))

        let work = try TemporaryDirectory("cluster-disk-space")
        let run = try cluster.mrsubmit(
            ["wordcount", SharedData.books + "/pg11.txt", "--split-size", "64k", "--reducers", "2"],
            in: work.path
        )
        #expect(run.status == 0, "\(run.standardError)")
        #expect(
            try Oracles.sortedOutput(work.file("wordcount-out"))
                == Oracles.coreutilsWordCount([SharedData.books + "/pg11.txt"])
        )
        #expect(!full.log.contains("attempt started"), "the full tracker ran attempts:\n\(full.log)")
        #expect(cluster.daemons[1].log.contains("attempt succeeded"))

        let console = try drain.httpPort(of: cluster.daemons[0])
        let trackers = HTTPProbe.get(host: "127.0.0.1", port: console, path: "/api/v1/trackers")
        let listed = try #require(JSONSerialization.jsonObject(with: Data(trackers.body.utf8)) as? [[String: Any]])
        let entry = try #require(listed.first { ($0["address"] as? String)?.hasPrefix("127.0.0.3:") == true })
        #expect(entry["state"] as? String == "full")
        #expect((entry["reason"] as? String)?.hasPrefix("low on disk space") == true)
        #expect((entry["freeBytes"] as? Int ?? 0) > 0)
    }
}
