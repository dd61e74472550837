import Foundation
import TestSupport
import Testing

/// SIGINT, SIGTERM or SIGHUP to a job tool mid-job: on the embedded cluster the job is killed and
/// nothing is left behind; with `--cluster` the job keeps running unless `--kill-on-exit` says so.
@Suite(.serialized)
struct InterruptionTests {
    /// A word count slowed down by sleeping on every line holding "the ", so that it is mid-job
    /// when the signal comes.
    static let slowJob = [
        "fault-sleep", SharedData.books, "-D", "fault.pattern=the ", "-D", "fault.sleep-seconds=0.003",
        "--split-size", "256k", "--reducers", "2",
    ]

    /// Starts `mrsubmit` with `arguments` in `directory`, its temporary files in `temporary`.
    func start(_ arguments: [String], in directory: String, temporary: String) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: MRSubmitTests.executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = ProcessInfo.processInfo.environment
        environment["TMPDIR"] = temporary
        process.environment = environment
        let error = Pipe()
        process.standardError = error
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return (process, error)
    }

    /// Sends `signal` and returns how long the process took to exit.
    func interrupt(_ process: Process, with signal: Int32) -> Double {
        let sent = Date()
        kill(process.processIdentifier, signal)
        _ = Daemon.wait(seconds: 10) { !process.isRunning }
        let seconds = Date().timeIntervalSince(sent)
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return seconds
    }

    @Test(arguments: [SIGINT, SIGTERM, SIGHUP])
    func theEmbeddedClusterStopsAndLeavesNothing(signal: Int32) throws {
        let work = try TemporaryDirectory("interrupt")
        let temporary = work.file("tmp")
        try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        let (process, _) = try start(Self.slowJob + ["-o", "out"], in: work.path, temporary: temporary)
        let running = Daemon.wait(seconds: 60) {
            ((try? FileManager.default.contentsOfDirectory(atPath: work.path)) ?? []).contains { $0.hasPrefix(".out.") }
        }
        #expect(running, "the job's output staging directory appears while it runs")
        let seconds = interrupt(process, with: signal)
        #expect(process.terminationReason == .exit && process.terminationStatus == 128 + signal)
        #expect(seconds < 2, "exited \(seconds) s after the signal")
        let left = (try FileManager.default.contentsOfDirectory(atPath: work.path)).filter { $0 != "tmp" }
        #expect(left.isEmpty, "left in the working directory: \(left)")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: temporary).isEmpty,
            "the embedded cluster's files remain"
        )
    }

    @Test func aJobOnANamedClusterKeepsRunningUnlessAskedToDie() throws {
        let cluster = try ClusterProcessTests.Cluster(trackers: 2)
        let work = try TemporaryDirectory("interrupt-cluster")
        let remote = ["--cluster", "127.0.0.1:\(cluster.port)", "--secret-file", cluster.secretFile]
        for killsOnExit in [false, true] {
            let output = killsOnExit ? "killed-out" : "kept-out"
            let (process, error) = try start(
                Self.slowJob + ["-o", output] + remote + (killsOnExit ? ["--kill-on-exit"] : []),
                in: work.path,
                temporary: work.path
            )
            var job = ""
            #expect(
                Daemon.wait(seconds: 60) {
                    let listed = (try? cluster.mrsubmit(["list"], in: work.path))?.text ?? ""
                    job =
                        listed.split(separator: "\n").first { $0.contains("fault-sleep") && $0.contains("running") }
                        .map { String($0.prefix { $0 != " " }) } ?? ""
                    return !job.isEmpty
                }
            )
            let seconds = interrupt(process, with: SIGINT)
            let said = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            #expect(
                process.terminationStatus == 130 && seconds < 2,
                "status \(process.terminationStatus) after \(seconds) s"
            )
            #expect(said.contains(job), "\(said)")
            let status = cluster.waitForEnd(of: job, in: work.path, seconds: 300)
            #expect(status.contains(killsOnExit ? ": killed" : ": succeeded"), "\(status)")
            #expect(said.contains(killsOnExit ? "killed it" : "keeps running on the cluster"), "\(said)")
            #expect(
                !FileManager.default.fileExists(atPath: work.file(output)),
                "an interrupted download leaves no output"
            )
        }
    }
}
