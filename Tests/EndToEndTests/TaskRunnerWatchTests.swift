import Foundation
import TestSupport
import Testing

/// A task runner watches the tracker named in its environment, not whichever process happens to
/// be its parent: a tracker that died while the runner was still starting is noticed too.
struct TaskRunnerWatchTests {
    /// Starts `mrtask` on a request that never arrives (a FIFO nobody writes), watching `tracker`.
    /// It may inherit blocked signals from the test's thread, so only SIGKILL is sure to end it.
    func runner(watching tracker: Int32, in work: TemporaryDirectory) throws -> (Process, Pipe) {
        let request = work.file("request")
        #expect(mkfifo(request, 0o600) == 0)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ClusterProcessTests.binaries + "/mrtask")
        process.arguments = ["--mapreduce-task", request, work.file("result")]
        var environment = ProcessInfo.processInfo.environment
        environment["MR_TRACKER_PID"] = String(tracker)
        process.environment = environment
        let error = Pipe()
        process.standardError = error
        try process.run()
        return (process, error)
    }

    @Test func aRunnerWhoseTrackerIsAlreadyGoneStopsAtOnce() throws {
        let work = try TemporaryDirectory("runner-watch")
        let gone = Process()
        gone.executableURL = URL(fileURLWithPath: "/bin/true")
        try gone.run()
        gone.waitUntilExit()
        let (process, error) = try runner(watching: gone.processIdentifier, in: work)
        let stopped = Daemon.wait(seconds: 10) { !process.isRunning }
        #expect(stopped, "a runner whose tracker is gone must not wait for its request")
        guard stopped else {
            kill(process.processIdentifier, SIGKILL)
            return
        }
        #expect(process.terminationStatus == 75)
        let said = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(said.contains("the tracker that started this attempt is gone"), "\(said)")
    }

    @Test func aRunnerWhoseTrackerLivesKeepsWaiting() throws {
        let work = try TemporaryDirectory("runner-watch")
        let (process, _) = try runner(watching: getpid(), in: work)
        Thread.sleep(forTimeInterval: 1.5)
        #expect(process.isRunning, "the tracker is alive, so the runner waits for its request")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}
