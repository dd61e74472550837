import Foundation
import TestSupport
import Testing

/// The daemons' HTTP endpoints, probed on real `jobtracker` and `tasktracker` processes:
/// liveness, readiness (a tracker is ready only while registered) and Prometheus metrics.
@Suite(.serialized)
struct DaemonHTTPTests {
    static let binaries = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path

    @Test func healthReadinessAndMetricsFollowTheCluster() throws {
        let directory = try TemporaryDirectory("daemon-http")
        let secret = try directory.write("secret", "HMW3n5k7b2CJHWS4TQf2QeKdkDp1dxIdMJAMuA9Lys8=\n")
        let port = try Daemon.freePort()
        let jobTrackerHTTP = try Daemon.freePort()
        let trackerHTTP = try Daemon.freePort()
        let jobTracker = try Daemon(
            Self.binaries + "/jobtracker",
            [
                "--host", "127.0.0.1", "--port", "\(port)", "--http-port", "\(jobTrackerHTTP)", "--data-dir",
                directory.file("jt"),
                "--secret-file", secret, "--heartbeat-interval", "0.2",
            ],
            logPath: directory.file("jobtracker.log")
        )
        #expect(
            Daemon.wait(seconds: 10) {
                HTTPProbe.get(host: "127.0.0.1", port: jobTrackerHTTP, path: "/healthz").status == 200
            }
        )
        #expect(HTTPProbe.get(host: "127.0.0.1", port: jobTrackerHTTP, path: "/readyz").status == 200)
        #expect(HTTPProbe.get(host: "127.0.0.1", port: jobTrackerHTTP, path: "/no-such-page").status == 404)

        let tracker = try Daemon(
            Self.binaries + "/tasktracker",
            [
                "--jobtracker", "127.0.0.1:\(port)", "--host", "127.0.0.1", "--shuffle-port", "0", "--http-port",
                "\(trackerHTTP)",
                "--slots", "2", "--work-dir", directory.file("tt"), "--secret-file", secret,
            ],
            logPath: directory.file("tasktracker.log")
        )
        let ready = Daemon.wait(seconds: 10) {
            HTTPProbe.get(host: "127.0.0.1", port: trackerHTTP, path: "/readyz").status == 200
        }
        #expect(ready, "the tracker is ready once registered:\n\(tracker.log)")

        let run = try ProcessOutput.run(
            Self.binaries + "/mrsubmit",
            [
                "wordcount", SharedData.books + "/pg46.txt", "-o", "out", "--cluster", "127.0.0.1:\(port)",
                "--secret-file", secret,
            ],
            in: directory.path
        )
        #expect(run.status == 0, "\(run.standardError)")
        let counted = Daemon.wait(seconds: 5) {
            HTTPProbe.get(host: "127.0.0.1", port: jobTrackerHTTP, path: "/metrics").body
                .contains("mapreduce_jobs_finished_total{state=\"succeeded\"} 1")
        }
        let metrics = HTTPProbe.get(host: "127.0.0.1", port: jobTrackerHTTP, path: "/metrics").body
        #expect(counted, "\(metrics)")
        #expect(metrics.contains("mapreduce_trackers 1.0"))
        #expect(metrics.contains("mapreduce_attempt_duration_seconds_count{kind=\"map\"}"))
        let trackerMetrics = HTTPProbe.get(host: "127.0.0.1", port: trackerHTTP, path: "/metrics").body
        // The reduce runs on the map's own tracker, so it reads the map output in place.
        #expect(trackerMetrics.contains("mapreduce_shuffle_served_bytes_total 0\n"), "\(trackerMetrics)")
        #expect(trackerMetrics.contains("mapreduce_shuffle_read_in_place_bytes_total"), "\(trackerMetrics)")
        #expect(!trackerMetrics.contains("mapreduce_shuffle_read_in_place_bytes_total 0\n"))

        jobTracker.stop()
        let unready = Daemon.wait(seconds: 10) {
            HTTPProbe.get(host: "127.0.0.1", port: trackerHTTP, path: "/readyz").status == 503
        }
        #expect(unready, "a tracker that lost its JobTracker is alive but not ready")
        #expect(HTTPProbe.get(host: "127.0.0.1", port: trackerHTTP, path: "/healthz").status == 200)
    }
}
