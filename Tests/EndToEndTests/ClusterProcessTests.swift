import Foundation
import TestSupport
import Testing

/// A JobTracker and three TaskTrackers as separate processes on distinct 127.0.0.x addresses,
/// driven by `mrsubmit --cluster` from another directory: uploads, shuffle, downloads.
@Suite(.serialized)
struct ClusterProcessTests {
    static let binaries = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path

    /// A running cluster and its secret file.
    final class Cluster {
        let directory: TemporaryDirectory
        let port: Int
        let secretFile: String
        var daemons: [Daemon] = []

        /// Whether trackers ignore the file system they share, as separate machines would.
        let networkOnly: Bool

        init(
            trackers: Int,
            expiry: Double = 10,
            networkOnly: Bool = true,
            jobTrackerArguments: [String] = [],
            trackerArguments: [String] = []
        ) throws {
            self.networkOnly = networkOnly
            directory = try TemporaryDirectory("cluster")
            port = try Daemon.freePort()
            secretFile = try directory.write("secret", "QExOGBDprccleH4c7bpJFafdls3slzsOMiQPgDiH9I8=\n")
            daemons.append(
                try Daemon(
                    ClusterProcessTests.binaries + "/jobtracker",
                    [
                        "--host", "127.0.0.1", "--port", "\(port)", "--http-port", "0", "--data-dir",
                        directory.file("jt"), "--secret-file", secretFile,
                        "--heartbeat-interval", "0.2", "--tracker-expiry", "\(expiry)",
                    ] + Self.allowedPaths + jobTrackerArguments,
                    logPath: directory.file("jobtracker.log")
                )
            )
            for _ in 0..<trackers { try addTracker(trackerArguments) }
            let registered = Daemon.wait(seconds: 15) {
                self.daemons[0].log.components(separatedBy: "tracker registered").count - 1 >= trackers
            }
            guard registered else { throw OracleError(message: "trackers did not register:\n\(daemons[0].log)") }
        }

        deinit {
            for daemon in daemons.reversed() { daemon.stop() }
        }

        /// The directories the tests' jobs name with `--remote-paths`: the shared data and the
        /// temporary directories the tests make.
        static let allowedPaths = ["--allowed-path", SharedData.root, "--allowed-path", NSTemporaryDirectory()]

        /// Starts one more tracker process, on the next 127.0.0.x address, with extra `arguments`.
        func addTracker(_ arguments: [String] = []) throws {
            let index = daemons.count - 1
            daemons.append(
                try Daemon(
                    ClusterProcessTests.binaries + "/tasktracker",
                    [
                        "--jobtracker", "127.0.0.1:\(port)", "--host", "127.0.0.\(index + 2)", "--shuffle-port", "0",
                        "--http-port", "0",
                        "--slots", "1", "--work-dir", directory.file("tt\(index)"), "--secret-file", secretFile,
                    ]
                        + (networkOnly ? ["--network-only"] : []) + arguments,
                    logPath: directory.file("tasktracker\(index).log")
                )
            )
        }

        /// Waits for a job submitted with `--detach` to end and returns its status text.
        func waitForEnd(of job: String, in directory: String, seconds: Double) -> String {
            var text = ""
            _ = Daemon.wait(seconds: seconds) {
                text = (try? mrsubmit(["status", job], in: directory))?.text ?? ""
                return text.contains(": succeeded") || text.contains(": failed") || text.contains(": killed")
            }
            return text
        }

        func mrsubmit(_ arguments: [String], in directory: String, secret: String? = nil) throws -> ProcessOutput {
            try ProcessOutput.run(
                ClusterProcessTests.binaries + "/mrsubmit",
                arguments + ["--cluster", "127.0.0.1:\(port)", "--secret-file", secret ?? secretFile],
                in: directory
            )
        }
    }

    @Test func jobsOnSeparateProcessesEqualTheEmbeddedClusterAndTheOracles() throws {
        let cluster = try Cluster(trackers: 3)
        let work = try TemporaryDirectory("cluster-client")
        let books = try SharedData.bookPaths()
        let remote = try cluster.mrsubmit(
            ["wordcount", SharedData.books, "-o", "remote-wc", "--split-size", "512k", "--reducers", "3"],
            in: work.path
        )
        #expect(remote.status == 0, "\(remote.standardError)\n\(cluster.daemons[0].log.suffix(3000))")
        #expect(try Oracles.sortedOutput(work.file("remote-wc")) == Oracles.coreutilsWordCount(books))
        #expect(FileManager.default.fileExists(atPath: work.file("remote-wc/_SUCCESS")))
        let embedded = try ProcessOutput.run(
            ClusterProcessTests.binaries + "/mrsubmit",
            [
                "wordcount", SharedData.books, "-o", "embedded-wc", "--split-size", "512k", "--reducers", "3",
                "--trackers", "3",
            ],
            in: work.path
        )
        #expect(embedded.status == 0, "\(embedded.standardError)")
        for part in ["part-r-00000", "part-r-00001", "part-r-00002"] {
            let a = try Data(contentsOf: URL(fileURLWithPath: work.file("remote-wc/" + part)))
            let b = try Data(contentsOf: URL(fileURLWithPath: work.file("embedded-wc/" + part)))
            #expect(a == b, "\(part) differs between the process cluster and the embedded one")
        }
        let logs = try cluster.mrsubmit(
            ["logbytes", SharedData.accessLog, "-o", "remote-log", "--split-size", "256k", "--reducers", "3"],
            in: work.path
        )
        #expect(logs.status == 0, "\(logs.standardError)")
        #expect(logs.text.contains("Total: 2747282505 over 1753 hosts"))
        let list = try cluster.mrsubmit(["list"], in: work.path)
        #expect(list.text.components(separatedBy: "succeeded").count - 1 == 2, "\(list.text)")
        let trackersWithWork = cluster.daemons.dropFirst().filter { $0.log.contains("attempt succeeded") }.count
        #expect(trackersWithWork >= 2, "work should spread over the trackers")
        let cleaned = Daemon.wait(seconds: 10) {
            (0..<3).allSatisfy { index in
                let names =
                    (try? FileManager.default.contentsOfDirectory(atPath: cluster.directory.file("tt\(index)"))) ?? []
                return !names.contains { $0.hasPrefix("job_") }
            }
        }
        #expect(cleaned, "trackers delete a job's files when it ends")
    }

    @Test func trackersOnOneFileSystemReadMapOutputsAndWriteOutputsInPlace() throws {
        let cluster = try Cluster(trackers: 2, networkOnly: false)
        let work = try TemporaryDirectory("cluster-in-place")
        let books = try SharedData.bookPaths()
        let run = try cluster.mrsubmit(
            [
                "wordcount", SharedData.books, "-o", work.file("wc"), "--remote-paths", "--split-size", "512k",
                "--reducers", "3",
            ],
            in: work.path
        )
        #expect(run.status == 0, "\(run.standardError)\n\(cluster.daemons[0].log.suffix(3000))")
        #expect(try Oracles.sortedOutput(work.file("wc")) == Oracles.coreutilsWordCount(books))
        let trackerLogs = cluster.daemons.dropFirst().map(\.log).joined()
        let committed = trackerLogs.components(separatedBy: "\n").filter { $0.contains("reduce output committed") }
        #expect(committed.count == 3, "\(trackerLogs.suffix(3000))")
        for line in committed {
            #expect(line.contains("output=in-place"), "\(line)")
            let counts = line.split(separator: " ").first { $0.hasPrefix("read-in-place=") }?.dropFirst(14).split(
                separator: "/"
            )
            #expect(
                counts?.count == 2 && counts?.first == counts?.last && counts?.first != "0",
                "every map output is read in place: \(line)"
            )
        }
        #expect(!trackerLogs.contains("shuffle fetch failed"))
    }

    /// Relative paths with `--remote-paths` start at the client's directory, which the JobTracker
    /// and the task processes do not share: a per-input job once failed to find its output.
    @Test func relativeRemotePathsNameTheClientsFiles() throws {
        let cluster = try Cluster(trackers: 1, networkOnly: false)
        let work = try TemporaryDirectory("cluster-relative")
        try FileManager.default.copyItem(
            atPath: SharedData.images + "/Unequalized_Hawkes_Bay_NZ.jpg",
            toPath: work.file("photo.jpg")
        )
        let run = try cluster.mrsubmit(
            ["histeq", "photo.jpg", "-o", "photo-equalized.jpg", "--remote-paths"],
            in: work.path
        )
        #expect(run.status == 0, "\(run.standardError)")
        #expect(FileManager.default.fileExists(atPath: work.file("photo-equalized.jpg")))
    }

    /// With `--no-recover` a restarted JobTracker fails the jobs that were running, as before recovery.
    @Test func finishedJobsAreListedAfterAJobTrackerRestart() throws {
        let cluster = try Cluster(trackers: 1)
        let work = try TemporaryDirectory("cluster-restart")
        let run = try cluster.mrsubmit(["wordcount", SharedData.books + "/pg46.txt"], in: work.path)
        #expect(run.status == 0, "\(run.standardError)")
        let slow = try cluster.mrsubmit(
            [
                "fault-sleep", SharedData.books + "/pg345.txt", "--remote-paths", "-o", work.file("slow"), "--detach",
                "-D", "fault.pattern=Dracula", "-D", "fault.sleep-seconds=30",
            ],
            in: work.path
        )
        let interrupted = slow.text.trimmingCharacters(in: .whitespacesAndNewlines)
        cluster.daemons[0].stop()
        cluster.daemons[0] = try Daemon(
            ClusterProcessTests.binaries + "/jobtracker",
            [
                "--host", "127.0.0.1", "--port", "\(cluster.port)", "--http-port", "0", "--data-dir",
                cluster.directory.file("jt"),
                "--secret-file", cluster.secretFile, "--heartbeat-interval", "0.2", "--no-recover",
            ],
            logPath: cluster.directory.file("jobtracker-restarted.log")
        )
        let listed = Daemon.wait(seconds: 10) {
            ((try? cluster.mrsubmit(["list"], in: work.path))?.text ?? "").contains("succeeded")
        }
        #expect(listed, "the finished job is in the restarted JobTracker's history")
        let lost = try cluster.mrsubmit(["status", interrupted], in: work.path)
        #expect(
            lost.text.contains("failed") && lost.text.contains("the JobTracker restarted"),
            "\(lost.text)\(lost.standardError)"
        )
        let again = Daemon.wait(seconds: 15) { cluster.daemons[0].log.contains("tracker registered") }
        #expect(again, "the tracker reconnects and registers again")
        let second = try cluster.mrsubmit(["wordcount", SharedData.books + "/pg46.txt", "-o", "second"], in: work.path)
        #expect(second.status == 0, "\(second.standardError)")
    }

    @Test func wrongSecretsAndBadRequestsAreRefusedCleanly() throws {
        let cluster = try Cluster(trackers: 1)
        let work = try TemporaryDirectory("cluster-refusals")
        let wrong = try work.write("wrong-secret", "HnDkIPQy3y5C9ssKGk2PDQ0sZrAhEu7KzHbGkuw4Ths=")
        let refused = try cluster.mrsubmit(["wordcount", SharedData.books + "/pg11.txt"], in: work.path, secret: wrong)
        #expect(refused.status != 0)
        #expect(refused.standardError.contains("authentication failed"), "\(refused.standardError)")
        let unknown = try cluster.mrsubmit(["status", "job_1_0042"], in: work.path)
        #expect(unknown.status != 0 && unknown.standardError.contains("no such job"), "\(unknown.standardError)")
        let missing = try cluster.mrsubmit(["wordcount", "missing.txt"], in: work.path)
        #expect(missing.status != 0 && missing.standardError.contains("missing.txt: no such file or directory"))
        let unreachable = try ProcessOutput.run(
            ClusterProcessTests.binaries + "/mrsubmit",
            ["list", "--cluster", "127.0.0.1:\(try Daemon.freePort())", "--secret-file", cluster.secretFile],
            in: work.path
        )
        #expect(
            unreachable.status != 0 && unreachable.standardError.split(separator: "\n").count == 1,
            "\(unreachable.standardError)"
        )
        let good = try cluster.mrsubmit(["wordcount", SharedData.books + "/pg11.txt"], in: work.path)
        #expect(good.status == 0, "the cluster must still work: \(good.standardError)")
    }
}

/// Killing a job on a cluster of processes stops its attempts quickly and leaves no output.
struct ClusterKillTests {
    @Test func killStopsEveryAttemptWithinTwoSeconds() throws {
        let cluster = try ClusterProcessTests.Cluster(trackers: 2)
        let work = try TemporaryDirectory("cluster-kill")
        let submitted = try cluster.mrsubmit(
            [
                "fault-sleep", SharedData.books, "--remote-paths", "-o", work.file("out"), "--detach", "--split-size",
                "1m",
                "-D", "fault.pattern=the", "-D", "fault.sleep-seconds=60",
            ],
            in: work.path
        )
        #expect(submitted.status == 0, "\(submitted.standardError)")
        let job = submitted.text.trimmingCharacters(in: .whitespacesAndNewlines)
        let suffix = job.replacingOccurrences(of: "job_", with: "")
        let running = Daemon.wait(seconds: 10) {
            (try? ProcessOutput.run("/usr/bin/pgrep", ["-f", "attempt_\(suffix)"]))?.status == 0
        }
        #expect(running, "attempts of \(job) should be running")
        let killed = try cluster.mrsubmit(["kill", job], in: work.path)
        #expect(killed.status == 0 && killed.text.contains("killed"), "\(killed.standardError)")
        let stopped = Daemon.wait(seconds: 2) {
            (try? ProcessOutput.run("/usr/bin/pgrep", ["-f", "attempt_\(suffix)"]))?.status == 1
        }
        #expect(stopped, "every attempt process of \(job) ends within 2 s of the kill")
        let status = try cluster.mrsubmit(["status", job], in: work.path)
        #expect(status.text.contains("killed"), "\(status.text)")
        #expect(!FileManager.default.fileExists(atPath: work.file("out")))
    }
}

/// A tracker killed with SIGKILL mid-job: its work runs again elsewhere and the output is unchanged.
struct ClusterTrackerLossTests {
    @Test func aTrackerKilledMidJobDoesNotChangeTheOutput() throws {
        let cluster = try ClusterProcessTests.Cluster(trackers: 3, expiry: 2)
        let work = try TemporaryDirectory("cluster-loss")
        let submitted = try cluster.mrsubmit(
            [
                "fault-sleep", SharedData.books, "--remote-paths", "-o", work.file("out"), "--detach", "--split-size",
                "512k",
                "--reducers", "3", "-D", "fault.pattern=Dracula", "-D", "fault.sleep-seconds=0.05",
            ],
            in: work.path
        )
        #expect(submitted.status == 0, "\(submitted.standardError)")
        let job = submitted.text.trimmingCharacters(in: .whitespacesAndNewlines)
        var victim: Daemon?
        _ = Daemon.wait(seconds: 20) {
            victim = cluster.daemons.dropFirst().first { $0.log.contains("attempt succeeded") }
            return victim != nil
        }
        let tracker = try #require(victim, "no tracker finished a map")
        kill(tracker.process.processIdentifier, SIGKILL)
        let state = cluster.waitForEnd(of: job, in: work.path, seconds: 90)
        #expect(state.contains(": succeeded"), "\(state)\n\(cluster.daemons[0].log.suffix(2000))")
        #expect(try Oracles.sortedOutput(work.file("out")) == Oracles.coreutilsWordCount(try SharedData.bookPaths()))
        #expect(cluster.daemons[0].log.contains("tracker lost"))
    }

    @Test func attemptsOfAKilledTrackerStopToo() throws {
        let cluster = try ClusterProcessTests.Cluster(trackers: 1)
        let work = try TemporaryDirectory("cluster-orphans")
        let input = try work.write("slow.txt", "Dracula\nDracula\nDracula\n")
        let submitted = try cluster.mrsubmit(
            [
                "fault-sleep", input, "--remote-paths", "-o", work.file("out"), "--detach",
                "-D", "fault.pattern=Dracula", "-D", "fault.sleep-seconds=30",
            ],
            in: work.path
        )
        #expect(submitted.status == 0, "\(submitted.standardError)")
        let tracker = cluster.daemons[1]
        let arguments = tracker.process.arguments ?? []
        let workDirectory = try #require(arguments.firstIndex(of: "--work-dir").map { arguments[$0 + 1] })
        // The map attempt, not the short setup task that plans the job before it.
        let running = Daemon.wait(seconds: 20) {
            Self.processes(mentioning: workDirectory + "/").contains { Self.commandLine(of: $0).contains("_m_") }
        }
        #expect(running, "the tracker should be running the attempt when it is killed")
        kill(tracker.process.processIdentifier, SIGKILL)
        let stopped = Daemon.wait(seconds: 5) { Self.processes(mentioning: workDirectory + "/").isEmpty }
        #expect(stopped, "an attempt sleeping for 30 s stops within seconds of its tracker's death")
        let logs = FileManager.default.enumerator(atPath: workDirectory + "/logs")?.compactMap { $0 as? String } ?? []
        let said = logs.contains { name in
            let text = (try? String(contentsOfFile: workDirectory + "/logs/" + name, encoding: .utf8)) ?? ""
            return text.contains("the tracker that started this attempt is gone")
        }
        #expect(said, "the orphaned attempt says why it stopped, in its log")
    }

    /// The ids of the live processes whose command line mentions `text`.
    static func processes(mentioning text: String) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { Int32($0) }.filter { commandLine(of: $0).contains(text) }
    }

    /// The command line of process `pid`, its arguments joined by NUL bytes; empty once it is gone.
    static func commandLine(of pid: Int32) -> String {
        FileManager.default.contents(atPath: "/proc/\(pid)/cmdline").map { String(decoding: $0, as: UTF8.self) } ?? ""
    }
}

/// Stragglers, frozen trackers and late-joining trackers, on separate processes.
struct ClusterSchedulingTests {
    func submit(
        _ cluster: ClusterProcessTests.Cluster,
        _ arguments: [String],
        in work: TemporaryDirectory
    ) throws -> String {
        let submitted = try cluster.mrsubmit(
            ["fault-sleep", SharedData.books, "--remote-paths", "-o", work.file("out"), "--detach", "--reducers", "2"]
                + arguments,
            in: work.path
        )
        #expect(submitted.status == 0, "\(submitted.standardError)")
        return submitted.text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func aStragglerIsOvertakenByItsBackup() throws {
        let cluster = try ClusterProcessTests.Cluster(
            trackers: 3,
            jobTrackerArguments: ["--speculation-min-runtime", "1"]
        )
        let work = try TemporaryDirectory("cluster-straggler")
        let job = try submit(
            cluster,
            ["--split-size", "1m", "--reducers", "1", "-D", "fault.pattern=Dracula", "-D", "fault.sleep-seconds=5"],
            in: work
        )
        let state = cluster.waitForEnd(of: job, in: work.path, seconds: 60)
        #expect(state.contains(": succeeded"), "\(state)")
        #expect(try Oracles.sortedOutput(work.file("out")) == Oracles.coreutilsWordCount(try SharedData.bookPaths()))
        let backupWon = cluster.daemons.dropFirst().contains {
            $0.log.range(of: #"attempt=attempt_\S+_m_\d{6}_1 .*attempt succeeded"#, options: .regularExpression) != nil
        }
        #expect(backupWon, "a backup attempt (number 1) won")
    }

    @Test func aFrozenTrackerIsReplacedAndItsStaleReportsAreIgnored() throws {
        let cluster = try ClusterProcessTests.Cluster(trackers: 3, expiry: 2)
        let work = try TemporaryDirectory("cluster-frozen")
        let job = try submit(
            cluster,
            ["--split-size", "512k", "-D", "fault.pattern=Dracula", "-D", "fault.sleep-seconds=0.05"],
            in: work
        )
        var frozen: Daemon?
        _ = Daemon.wait(seconds: 20) {
            frozen = cluster.daemons.dropFirst().first { $0.log.contains("attempt started") }
            return frozen != nil
        }
        let tracker = try #require(frozen)
        kill(tracker.process.processIdentifier, SIGSTOP)
        #expect(Daemon.wait(seconds: 10) { cluster.daemons[0].log.contains("tracker lost") })
        kill(tracker.process.processIdentifier, SIGCONT)
        let state = cluster.waitForEnd(of: job, in: work.path, seconds: 90)
        #expect(state.contains(": succeeded"), "\(state)")
        #expect(try Oracles.sortedOutput(work.file("out")) == Oracles.coreutilsWordCount(try SharedData.bookPaths()))
    }

    @Test func aTrackerThatJoinsMidJobGetsWork() throws {
        let cluster = try ClusterProcessTests.Cluster(trackers: 2)
        let work = try TemporaryDirectory("cluster-join")
        let job = try submit(
            cluster,
            ["--split-size", "256k", "-D", "fault.pattern=the ", "-D", "fault.sleep-seconds=0.0005"],
            in: work
        )
        _ = Daemon.wait(seconds: 20) { cluster.daemons[1].log.contains("attempt succeeded") }
        try cluster.addTracker()
        let state = cluster.waitForEnd(of: job, in: work.path, seconds: 120)
        #expect(state.contains(": succeeded"), "\(state)")
        #expect(cluster.daemons[3].log.contains("attempt succeeded"), "the late tracker ran attempts")
        #expect(try Oracles.sortedOutput(work.file("out")) == Oracles.coreutilsWordCount(try SharedData.bookPaths()))
    }
}

/// `mrsubmit logs` fetches attempts' logs from the trackers through the JobTracker.
struct ClusterLogsTests {
    @Test func logsShowTheFailedAttemptsOwnOutput() throws {
        let cluster = try ClusterProcessTests.Cluster(trackers: 2)
        let work = try TemporaryDirectory("cluster-logs")
        let failed = try cluster.mrsubmit(
            ["fault-exit", SharedData.books + "/pg11.txt", "-D", "fault.exit-probability=1"],
            in: work.path
        )
        #expect(failed.status != 0)
        let job = try #require(
            failed.standardError.split(separator: " ").first { $0.hasPrefix("job_") }.map(String.init)
        )
        let logs = try cluster.mrsubmit(["logs", job], in: work.path)
        #expect(logs.status == 0, "\(logs.standardError)")
        #expect(logs.text.components(separatedBy: "==> attempt_").count - 1 == 4, "\(logs.text)")
        #expect(logs.text.contains("exits with status 3"), "\(logs.text)")
        let task = job.replacingOccurrences(of: "job_", with: "task_") + "_m_000000"
        let one = try cluster.mrsubmit(["logs", job, task], in: work.path)
        #expect(
            one.text.contains("\(task.replacingOccurrences(of: "task_", with: "attempt_"))_0 failed"),
            "\(one.text)"
        )
    }
}

/// Trackers killed with SIGKILL at chosen moments: the output never changes and nothing is left behind.
@Suite(.serialized)
struct ClusterFaultSuiteTests {
    enum Moment: String, CaseIterable {
        case shuffle, reduce, twoOfThree
    }

    /// The tracker whose log shows a running reduce attempt, if any.
    func trackerRunningAReduce(_ cluster: ClusterProcessTests.Cluster) -> Daemon? {
        cluster.daemons.dropFirst().first { daemon in
            daemon.process.isRunning
                && daemon.log.range(
                    of: #"attempt=attempt_\S+_r_\d{6}_\d+ .*attempt started"#,
                    options: .regularExpression
                ) != nil
        }
    }

    @Test(arguments: Moment.allCases)
    func killedTrackersDoNotChangeTheOutput(_ moment: Moment) throws {
        let cluster = try ClusterProcessTests.Cluster(
            trackers: 3,
            expiry: 2,
            jobTrackerArguments: ["--reduce-slowstart", "0"]
        )
        let work = try TemporaryDirectory("cluster-fault-\(moment.rawValue)")
        let sleep = moment == .reduce ? "0.005" : "0.05"
        let submitted = try cluster.mrsubmit(
            [
                "fault-sleep", SharedData.books, "--remote-paths", "-o", work.file("out"), "--detach", "--split-size",
                "512k",
                "--reducers", "2", "-D", "fault.pattern=Dracula", "-D", "fault.sleep-seconds=\(sleep)",
            ],
            in: work.path
        )
        #expect(submitted.status == 0, "\(submitted.standardError)")
        let job = submitted.text.trimmingCharacters(in: .whitespacesAndNewlines)
        switch moment {
        case .shuffle:
            var victim: Daemon?
            _ = Daemon.wait(seconds: 20) {
                victim = trackerRunningAReduce(cluster)
                return victim != nil
            }
            kill(try #require(victim).process.processIdentifier, SIGKILL)
        case .reduce:
            _ = Daemon.wait(seconds: 60) {
                ((try? cluster.mrsubmit(["status", job], in: work.path))?.text ?? "").contains("map 100%")
            }
            kill(try #require(trackerRunningAReduce(cluster)).process.processIdentifier, SIGKILL)
        case .twoOfThree:
            for _ in 0..<2 {
                var victim: Daemon?
                _ = Daemon.wait(seconds: 20) {
                    victim = cluster.daemons.dropFirst().first {
                        $0.process.isRunning && $0.log.contains("attempt succeeded")
                    }
                    return victim != nil
                }
                kill(try #require(victim).process.processIdentifier, SIGKILL)
                _ = Daemon.wait(seconds: 10) { cluster.daemons[0].log.contains("tracker lost") }
            }
        }
        let state = cluster.waitForEnd(of: job, in: work.path, seconds: 120)
        #expect(state.contains(": succeeded"), "\(moment): \(state)\n\(cluster.daemons[0].log.suffix(1500))")
        #expect(try Oracles.sortedOutput(work.file("out")) == Oracles.coreutilsWordCount(try SharedData.bookPaths()))
        let leftovers = Daemon.wait(seconds: 10) {
            let jobFiles =
                (try? FileManager.default.contentsOfDirectory(atPath: cluster.directory.file("jt/jobs"))) ?? []
            let trackerFiles = cluster.daemons.dropFirst().enumerated().filter { $0.element.process.isRunning }.flatMap
            { index, _ in
                ((try? FileManager.default.contentsOfDirectory(atPath: cluster.directory.file("tt\(index)"))) ?? [])
                    .filter { $0.hasPrefix("job_") }
            }
            return jobFiles.isEmpty && trackerFiles.isEmpty
        }
        #expect(leftovers, "no job directories are left on the JobTracker or the live trackers")
        let staging = (try? FileManager.default.contentsOfDirectory(atPath: work.path)) ?? []
        #expect(staging == ["out"], "no staging or temporary files beside the output: \(staging)")
    }
}
