import Foundation
import TestSupport
import Testing

/// What jobs leave on a cluster goes away: upload staging when its job ends, kept outputs after
/// the retention, and tracker files of jobs a restarted JobTracker no longer knows.
@Suite(.serialized)
struct ClusterLeftoverTests {
    func entries(_ path: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
    }

    @Test func stagingGoesWithItsJobAndOutputsAfterTheRetention() throws {
        let cluster = try ClusterProcessTests.Cluster(trackers: 1, jobTrackerArguments: ["--output-retention", "2"])
        let work = try TemporaryDirectory("leftovers")
        let run = try cluster.mrsubmit(["wordcount", SharedData.books + "/pg11.txt", "-o", "out"], in: work.path)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(
            entries(cluster.directory.file("jt/staging")).isEmpty,
            "uploads of an ended job stay: \(entries(cluster.directory.file("jt/staging")))"
        )
        #expect(
            Daemon.wait(seconds: 15) { self.entries(cluster.directory.file("jt/outputs")).isEmpty },
            "kept outputs outlive the retention"
        )
    }

    /// A JobTracker restarted without recovery forgets the job that was running (a recovering
    /// one resumes it: JobTrackerRecoveryTests), and its trackers drop that job's files.
    @Test func aRestartedJobTrackerHasTrackersDropFilesOfJobsItNoLongerKnows() throws {
        let cluster = try ClusterProcessTests.Cluster(trackers: 1)
        let work = try TemporaryDirectory("leftovers-restart")
        let submitted = try cluster.mrsubmit(
            [
                "fault-sleep", SharedData.books, "--remote-paths", "-o", work.file("slow"), "--detach", "--split-size",
                "256k",
                "-D", "fault.pattern=the ", "-D", "fault.sleep-seconds=0.01",
            ],
            in: work.path
        )
        let job = submitted.text.trimmingCharacters(in: .whitespacesAndNewlines)
        let trackerWork = cluster.directory.file("tt0")
        #expect(
            Daemon.wait(seconds: 60) { self.entries(trackerWork).contains(job) },
            "the tracker holds files of \(job)"
        )
        kill(cluster.daemons[0].process.processIdentifier, SIGKILL)
        cluster.daemons[0].process.waitUntilExit()
        cluster.daemons[0] = try Daemon(
            ClusterProcessTests.binaries + "/jobtracker",
            [
                "--host", "127.0.0.1", "--port", "\(cluster.port)", "--http-port", "0", "--data-dir",
                cluster.directory.file("jt"),
                "--secret-file", cluster.secretFile, "--heartbeat-interval", "0.2", "--no-recover",
            ] + ClusterProcessTests.Cluster.allowedPaths,
            logPath: cluster.directory.file("jobtracker-restarted.log")
        )
        #expect(
            Daemon.wait(seconds: 30) { !self.entries(trackerWork).contains(job) },
            "the tracker still holds \(job): \(entries(trackerWork))"
        )
    }
}
