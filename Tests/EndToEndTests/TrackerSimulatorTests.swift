import Foundation
import TestSupport
import Testing

/// `mrsim` against a real JobTracker process: simulated trackers register, run a job of many
/// tasks to its end, and trackers that fall silent are noticed. The assertions are loose on
/// purpose (a debug build on a shared machine); the targets live in `scripts/scale-sweep`.
@Suite(.serialized)
struct TrackerSimulatorTests {
    @Test func simulatedTrackersRunAManyTaskJobAndLostOnesAreNoticed() throws {
        let cluster = try ClusterProcessTests.Cluster(trackers: 0, expiry: 3)
        let jobTracker = cluster.daemons[0]
        #expect(Daemon.wait(seconds: 30) { jobTracker.log.contains("HTTP listening") }, "\(jobTracker.log)")
        let console = try ClusterDrainTests().httpPort(of: jobTracker)
        #expect(
            Daemon.wait(seconds: 30) { HTTPProbe.get(host: "127.0.0.1", port: console, path: "/readyz").status == 200 }
        )
        let run = try ProcessOutput.run(
            ClusterProcessTests.binaries + "/mrsim",
            [
                "--jobtracker", "127.0.0.1:\(cluster.port)", "--secret-file", cluster.secretFile,
                "--trackers", "100", "--slots", "2", "--duration", "40", "--job-maps", "1000", "--job-reduces", "4",
                "--task-seconds", "0.05", "--task-spread", "0.5", "--lose", "3", "--jobtracker-pid",
                "\(jobTracker.process.processIdentifier)",
                "--metrics-url", "http://127.0.0.1:\(console)/metrics", "--json",
            ],
            timeout: 180
        )
        #expect(run.status == 0, "\(run.standardError)")
        let report = try #require(
            JSONSerialization.jsonObject(with: run.standardOutput) as? [String: Any],
            "\(run.text)"
        )
        #expect(report["trackers"] as? Int == 100)
        #expect(report["jobs_completed"] as? Int == 1, "\(report)")
        #expect(report["lost_trackers_noticed"] as? Int == 3, "\(report)")
        #expect((report["lost_noticed_after_s"] as? Double ?? 99) < 3 + 5, "\(report)")
        #expect((report["heartbeat_rtt_max_ms"] as? Double ?? 99_999) < 5_000, "\(report)")
        #expect(report["heartbeat_service_p99_ms"] is Double, "\(report)")
        #expect((report["tasks_started_per_s"] as? Double ?? 0) > 0, "\(report)")
        #expect((report["errors"] as? [String: Int])?.isEmpty == true, "\(report)")
    }
}
