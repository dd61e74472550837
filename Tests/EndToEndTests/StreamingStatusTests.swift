import Foundation
import TestSupport
import Testing

/// A streaming command's `reporter:status:` lines become the job's status, which `mrsubmit status`
/// shows while the job runs and after it ends.
struct StreamingStatusTests {
    @Test func aMappersReporterStatusShowsInTheJobsStatus() throws {
        let cluster = try ClusterProcessTests.Cluster(trackers: 1)
        let work = try TemporaryDirectory("e2e-streaming-status")
        try work.write("in.txt", "a\nb\n")
        let submitted = try cluster.mrsubmit(
            [
                "streaming", "--mapper", "echo reporter:status:halfway >&2; sleep 3; cat", work.file("in.txt"),
                "--reducers", "0", "-o", work.file("out"), "--detach",
            ],
            in: work.path
        )
        #expect(submitted.status == 0, "\(submitted.standardError)")
        let job = submitted.text.trimmingCharacters(in: .whitespacesAndNewlines)
        var running = ""
        let shown = Daemon.wait(seconds: 20) {
            running = (try? cluster.mrsubmit(["status", job], in: work.path))?.text ?? ""
            return running.contains("status: task_") && running.contains("_m_000000: halfway")
        }
        #expect(shown, "\(running)\n\(cluster.daemons[0].log.suffix(3000))")
        let ended = cluster.waitForEnd(of: job, in: work.path, seconds: 30)
        #expect(ended.contains(": succeeded"), "\(ended)")
        #expect(ended.contains("_m_000000: halfway"), "the status stays after the job ends: \(ended)")
    }
}
