import Foundation
import TestSupport
import Testing

/// Trackers stopped with SIGTERM mid-job drain: they take no new tasks, finish or hand back their
/// attempts, serve their map outputs while reduces need them, deregister, and the job succeeds
/// with no failed attempt; a tracker started mid-job gets tasks.
@Suite(.serialized)
struct ClusterDrainTests {
    /// Submits `fault-sleep` over the books and returns the job id.
    func submit(
        _ cluster: ClusterProcessTests.Cluster,
        sleep: String,
        pattern: String,
        in work: TemporaryDirectory
    ) throws -> String {
        let submitted = try cluster.mrsubmit(
            [
                "fault-sleep", SharedData.books, "--remote-paths", "-o", work.file("out"), "--detach", "--split-size",
                "256k",
                "--reducers", "2", "-D", "fault.pattern=\(pattern)", "-D", "fault.sleep-seconds=\(sleep)",
            ],
            in: work.path
        )
        #expect(submitted.status == 0, "\(submitted.standardError)")
        return submitted.text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Counts the occurrences of `text` in a daemon's log.
    func count(_ text: String, in daemon: Daemon) -> Int {
        daemon.log.components(separatedBy: text).count - 1
    }

    /// The HTTP port a daemon logged it listens on.
    func httpPort(of daemon: Daemon) throws -> Int {
        let line = try #require(daemon.log.split(separator: "\n").first { $0.contains("HTTP listening") })
        let match = try #require(line.firstMatch(of: /port=(\d+)/))
        return try #require(Int(match.1))
    }

    @Test func aTrackerStoppedMidJobDrainsAndANewOneTakesItsPlace() throws {
        let cluster = try ClusterProcessTests.Cluster(trackers: 2, trackerArguments: ["--drain-timeout", "90"])
        let work = try TemporaryDirectory("cluster-drain")
        let job = try submit(cluster, sleep: "0.0005", pattern: "the ", in: work)
        let leaving = cluster.daemons[1]
        let busy = Daemon.wait(seconds: 30) {
            count("attempt succeeded", in: leaving) >= 1
                && count("attempt started", in: leaving) > count("attempt succeeded", in: leaving)
        }
        #expect(busy, "the tracker holds a map output and runs an attempt when it is stopped")
        let http = try httpPort(of: leaving)
        #expect(HTTPProbe.get(host: "127.0.0.2", port: http, path: "/readyz").status == 200)
        kill(leaving.process.processIdentifier, SIGTERM)
        let unready = Daemon.wait(seconds: 5) {
            let readiness = HTTPProbe.get(host: "127.0.0.2", port: http, path: "/readyz")
            return readiness.status == 503 && readiness.body.contains("draining")
        }
        #expect(unready, "a draining tracker is not ready")
        #expect(HTTPProbe.get(host: "127.0.0.2", port: http, path: "/healthz").status == 200, "but alive")
        try cluster.addTracker()
        let state = cluster.waitForEnd(of: job, in: work.path, seconds: 120)
        #expect(state.contains(": succeeded"), "\(state)\n\(cluster.daemons[0].log.suffix(2000))")
        #expect(state.contains("failed attempts 0"), "\(state)")
        #expect(try Oracles.sortedOutput(work.file("out")) == Oracles.coreutilsWordCount(try SharedData.bookPaths()))
        let exited = Daemon.wait(seconds: 20) { !leaving.process.isRunning }
        #expect(exited, "the drained tracker exits once the job no longer needs it")
        #expect(leaving.log.contains("draining: no new tasks"))
        #expect(leaving.log.contains("drained: attempts finished"), "\(leaving.log.suffix(2000))")
        #expect(!leaving.log.contains("handing running attempts back"))
        #expect(
            count("attempt started", in: leaving) == count("attempt succeeded", in: leaving),
            "every attempt it started finished"
        )
        #expect(cluster.daemons[3].log.contains("attempt succeeded"), "the tracker started mid-job ran attempts")
        #expect(cluster.daemons[0].log.contains("tracker deregistered"))
        #expect(!cluster.daemons[0].log.contains("tracker lost"))
    }

    @Test func aTrackerWhoseDrainTimeRunsOutHandsItsAttemptsBack() throws {
        let cluster = try ClusterProcessTests.Cluster(trackers: 2, trackerArguments: ["--drain-timeout", "1"])
        let work = try TemporaryDirectory("cluster-handback")
        let book = SharedData.books + "/pg11.txt"
        let submitted = try cluster.mrsubmit(
            [
                "fault-sleep", book, "--remote-paths", "-o", work.file("out"), "--detach", "--split-size", "48k",
                "--reducers", "2",
                "-D", "fault.pattern=the ", "-D", "fault.sleep-seconds=0.03",
            ],
            in: work.path
        )
        #expect(submitted.status == 0, "\(submitted.standardError)")
        let job = submitted.text.trimmingCharacters(in: .whitespacesAndNewlines)
        let leaving = cluster.daemons[1]
        let running = Daemon.wait(seconds: 30) {
            let children = try? ProcessOutput.run("/usr/bin/pgrep", ["-P", "\(leaving.process.processIdentifier)"])
            return children?.status == 0
        }
        #expect(running, "the tracker runs a (slow, first) attempt when it is stopped")
        let stoppedAt = Date()
        kill(leaving.process.processIdentifier, SIGTERM)
        let exited = Daemon.wait(seconds: 15) { !leaving.process.isRunning }
        #expect(exited && Date().timeIntervalSince(stoppedAt) < 10, "the tracker leaves soon after its drain time")
        try cluster.addTracker()
        #expect(leaving.log.contains("handing running attempts back"), "\(leaving.log.suffix(2000))")
        #expect(cluster.daemons[0].log.contains("attempt handed back"), "\(cluster.daemons[0].log.suffix(2000))")
        let state = cluster.waitForEnd(of: job, in: work.path, seconds: 120)
        #expect(state.contains(": succeeded"), "\(state)\n\(cluster.daemons[0].log.suffix(2000))")
        #expect(state.contains("failed attempts 0"), "\(state)")
        #expect(try Oracles.sortedOutput(work.file("out")) == Oracles.coreutilsWordCount([book]))
        #expect(!cluster.daemons[0].log.contains("tracker lost"))
    }
}
