import Foundation
import TestSupport
import Testing

/// A JobTracker SIGKILLed mid-job and started again on the same port and data directory resumes
/// the job from its journal, on a cluster of separate processes: the output equals a fault-free
/// run's byte for byte.
@Suite(.serialized)
struct JobTrackerRecoveryTests {
    typealias Cluster = ClusterProcessTests.Cluster

    /// A streaming word count whose maps and reduces are slow enough to be caught in their phase:
    /// about 50 maps over the shared books and 3 reduces.
    static func wordCount(output: String, detached: Bool = true) -> [String] {
        [
            "streaming", "--mapper", "sleep 0.2; LC_ALL=C tr -s '[:space:]' '\\n' | grep -av '^$'", "--reducer",
            "sleep 3; uniq -c", SharedData.books, "--remote-paths", "-o", output, "--split-size", "256k",
            "--reducers", "3",
        ] + (detached ? ["--detach"] : [])
    }

    /// A job's progress as `mrsubmit status` shows it.
    struct Progress {
        let maps: Int
        let mapsTotal: Int
        let reduces: Int

        /// Some maps are done and many are not.
        var inMapPhase: Bool { maps >= 4 && maps <= mapsTotal / 2 }
        /// Every map is done and a reduce is not.
        var inReducePhase: Bool { mapsTotal > 0 && maps == mapsTotal && reduces < 3 }
        /// Every map is done and no reduce is: the reduces are starting and fetching map outputs.
        var inShuffle: Bool { mapsTotal > 0 && maps == mapsTotal && reduces == 0 }
    }

    /// The job's progress, from `mrsubmit status`.
    static func progress(of job: String, on cluster: Cluster, in directory: String) -> Progress? {
        guard let text = try? cluster.mrsubmit(["status", job], in: directory).text,
            let match = text.firstMatch(of: /maps (\d+)\/(\d+), reduces (\d+)\/\d+/)
        else { return nil }
        return Progress(maps: Int(match.1)!, mapsTotal: Int(match.2)!, reduces: Int(match.3)!)
    }

    /// Waits until the job's progress satisfies `condition`.
    static func waitFor(
        _ job: String,
        on cluster: Cluster,
        in work: TemporaryDirectory,
        until condition: @escaping (Progress) -> Bool
    ) {
        let reached = Daemon.wait(seconds: 120) {
            progress(of: job, on: cluster, in: work.path).map(condition) ?? false
        }
        #expect(reached, "the job did not reach the phase to kill in: \(cluster.daemons[0].log.suffix(2000))")
    }

    /// Runs the job without faults and returns its part files.
    static func faultFreeParts(on cluster: Cluster, in work: TemporaryDirectory) throws -> [Data] {
        let job = try submit(on: cluster, output: work.file("reference"), in: work)
        let status = cluster.waitForEnd(of: job, in: work.path, seconds: 120)
        #expect(status.contains(": succeeded"), "\(status)")
        return try parts(of: work.file("reference"))
    }

    static func submit(on cluster: Cluster, output: String, in work: TemporaryDirectory) throws -> String {
        let submitted = try cluster.mrsubmit(wordCount(output: output), in: work.path)
        #expect(submitted.status == 0, "\(submitted.standardError)")
        return submitted.text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func parts(of directory: String) throws -> [Data] {
        try (0..<3).map { try Data(contentsOf: URL(fileURLWithPath: directory + "/part-r-0000\($0)")) }
    }

    /// SIGKILLs the JobTracker.
    static func killJobTracker(of cluster: Cluster) {
        let old = cluster.daemons[0]
        kill(old.process.processIdentifier, SIGKILL)
        old.process.waitUntilExit()
    }

    /// The map attempts the JobTracker's console lists for `job`, by task; a map re-run after a
    /// restart has an attempt numbered from 1000 times the epoch.
    static func mapAttempts(of job: String, on cluster: Cluster) throws -> [String: [String]] {
        let port = try ClusterDrainTests().httpPort(of: cluster.daemons[0])
        let response = HTTPProbe.get(host: "127.0.0.1", port: port, path: "/api/v1/jobs/\(job)/tasks")
        let tasks = try #require(try JSONSerialization.jsonObject(with: Data(response.body.utf8)) as? [[String: Any]])
        var attempts: [String: [String]] = [:]
        for task in tasks where task["kind"] as? String == "map" {
            let list = task["attempts"] as? [[String: Any]] ?? []
            attempts[task["id"] as? String ?? ""] = list.compactMap { $0["id"] as? String }
        }
        return attempts
    }

    /// Starts the JobTracker again on the same port and data directory and, unless `waits` is
    /// false, waits until its port accepts and every tracker has registered again.
    static func startJobTracker(of cluster: Cluster, arguments: [String] = [], name: String, waits: Bool = true) throws
    {
        cluster.daemons[0] = try Daemon(
            ClusterProcessTests.binaries + "/jobtracker",
            [
                "--host", "127.0.0.1", "--port", "\(cluster.port)", "--http-port", "0", "--data-dir",
                cluster.directory.file("jt"), "--secret-file", cluster.secretFile, "--heartbeat-interval", "0.2",
            ] + Cluster.allowedPaths + arguments,
            logPath: cluster.directory.file("\(name).log")
        )
        guard waits else { return }
        let trackers = cluster.daemons.count - 1
        let ready = Daemon.wait(seconds: 60) {
            (try? RawConnection(host: "127.0.0.1", port: cluster.port)) != nil
                && cluster.daemons[0].log.components(separatedBy: "tracker registered").count - 1 >= trackers
        }
        #expect(ready, "the JobTracker did not come back with its trackers: \(cluster.daemons[0].log.suffix(2000))")
    }

    /// Submits the job, waits until `when` holds of its progress, kills the JobTracker, runs
    /// `whileDown`, starts the JobTracker again and returns the job's final status and output.
    static func runKilled(
        when conditions: [(Progress) -> Bool],
        on cluster: Cluster,
        in work: TemporaryDirectory,
        name: String,
        delay: Double = 0,
        whileDown: () throws -> Void = {}
    ) throws -> (job: String, status: String, parts: [Data]?) {
        let job = try submit(on: cluster, output: work.file(name), in: work)
        for (index, condition) in conditions.enumerated() {
            waitFor(job, on: cluster, in: work, until: condition)
            Thread.sleep(forTimeInterval: delay)
            killJobTracker(of: cluster)
            try whileDown()
            try startJobTracker(of: cluster, name: "jobtracker-\(name)-\(index + 1)")
        }
        let status = cluster.waitForEnd(of: job, in: work.path, seconds: 180)
        return (job, status, try? parts(of: work.file(name)))
    }

    @Test func aJobTrackerKilledInAnyPhaseResumesTheJob() throws {
        let cluster = try Cluster(trackers: 3)
        let work = try TemporaryDirectory("recovery")
        let reference = try Self.faultFreeParts(on: cluster, in: work)

        let maps = try Self.runFollowed(on: cluster, in: work, reference: reference)
        let mapLog = cluster.daemons[0].log
        #expect(mapLog.contains("job resumed"), "\(mapLog.suffix(3000))")
        #expect(mapLog.contains("map outputs of resumed jobs adopted"), "\(mapLog.suffix(3000))")
        let resumed = try Self.mapAttempts(of: maps, on: cluster)
        #expect(resumed.values.contains { $0.count == 1 && Self.number(of: $0[0]) < 1000 }, "adopted maps kept")

        let kills: [(name: String, condition: (Progress) -> Bool, delay: Double)] = [
            ("shuffle", { $0.inShuffle }, 0), ("reduce", { $0.inReducePhase }, 1.5),
        ]
        for (name, condition, delay) in kills {
            let run = try Self.runKilled(when: [condition], on: cluster, in: work, name: name, delay: delay)
            #expect(
                run.status.contains(": succeeded"),
                "\(name): \(run.status)\n\(cluster.daemons[0].log.suffix(3000))"
            )
            #expect(run.parts == reference, "the output after a restart in the \(name) equals the fault-free one")
            let log = cluster.daemons[0].log
            #expect(log.contains("map outputs of resumed jobs adopted"), "\(name): \(log.suffix(3000))")
            let attempts = try Self.mapAttempts(of: run.job, on: cluster)
            #expect(attempts.count >= 12, "\(name): \(attempts.count) maps")
            let rerun = attempts.filter { $0.value.count != 1 || Self.number(of: $0.value[0]) >= 1000 }
            #expect(rerun.isEmpty, "\(name): maps whose output survived ran again: \(rerun)")
        }

        let twice = try Self.runKilled(when: [\.inMapPhase, \.inReducePhase], on: cluster, in: work, name: "twice")
        #expect(twice.status.contains(": succeeded"), "\(twice.status)\n\(cluster.daemons[0].log.suffix(3000))")
        #expect(twice.parts == reference, "the output after two restarts equals the fault-free one")
    }

    /// An attempt's number, the last field of its id.
    static func number(of attempt: String) -> Int {
        Int(attempt.split(separator: "_").last ?? "") ?? -1
    }

    /// Runs the job with a blocking `mrsubmit`, kills the JobTracker in the map phase and starts
    /// it again: `mrsubmit` rides out the restart, says so, and exits 0 with the fault-free output.
    /// Returns the job's id.
    static func runFollowed(on cluster: Cluster, in work: TemporaryDirectory, reference: [Data]) throws -> String {
        let output = work.file("followed")
        let client = try Daemon(
            ClusterProcessTests.binaries + "/mrsubmit",
            wordCount(output: output, detached: false) + [
                "--cluster", "127.0.0.1:\(cluster.port)", "--secret-file", cluster.secretFile, "--quiet",
            ],
            logPath: work.file("followed.log")
        )
        var job = ""
        let listed = Daemon.wait(seconds: 60) {
            let list = (try? cluster.mrsubmit(["list"], in: work.path).text) ?? ""
            let line = list.split(separator: "\n").first { $0.hasPrefix("job_") && $0.contains(" running ") }
            job = line.map { String($0.prefix { $0 != " " }) } ?? ""
            return !job.isEmpty
        }
        #expect(listed, "the followed job never ran: \(client.log)")
        waitFor(job, on: cluster, in: work, until: \.inMapPhase)
        killJobTracker(of: cluster)
        try startJobTracker(of: cluster, name: "jobtracker-followed")
        let ended = Daemon.wait(seconds: 180) { !client.process.isRunning }
        #expect(ended && client.process.terminationStatus == 0, "mrsubmit: \(client.log)")
        #expect(client.log.contains("JobTracker restarted; job resumed"), "\(client.log)")
        #expect(try parts(of: output) == reference, "the followed job's output equals the fault-free one")
        let port = try ClusterDrainTests().httpPort(of: cluster.daemons[0])
        let detail = HTTPProbe.get(host: "127.0.0.1", port: port, path: "/api/v1/jobs/\(job)")
        let json = try JSONSerialization.jsonObject(with: Data(detail.body.utf8)) as? [String: Any]
        #expect((json?["resumptions"] as? [Double])?.count == 1, "\(detail.body.prefix(500))")
        let page = HTTPProbe.get(host: "127.0.0.1", port: port, path: "/jobs/\(job)")
        #expect(page.body.contains("class=\"restart\""), "the timeline marks the restart")
        #expect(page.body.contains("JobTracker restarted; job resumed ("), "\(page.status)")
        return job
    }

    @Test func aJobTrackerKilledBetweenTheLastCommitAndTheJobCommitCommitsTheJobOnce() throws {
        let cluster = try Cluster(trackers: 3)
        let work = try TemporaryDirectory("recovery-job-commit")
        let reference = try Self.faultFreeParts(on: cluster, in: work)
        cluster.daemons[0].stop()
        try Self.startJobTracker(
            of: cluster,
            arguments: ["--crash-at", "before-job-commit"],
            name: "jobtracker-crashing"
        )
        let job = try Self.submit(on: cluster, output: work.file("commit"), in: work)
        let crashed = Daemon.wait(seconds: 180) { !cluster.daemons[0].process.isRunning }
        #expect(crashed && cluster.daemons[0].process.terminationReason == .uncaughtSignal, "\(cluster.daemons[0].log)")
        #expect(!FileManager.default.fileExists(atPath: work.file("commit/part-r-00000")), "committed before the crash")
        try Self.startJobTracker(of: cluster, name: "jobtracker-after-crash")
        let status = cluster.waitForEnd(of: job, in: work.path, seconds: 120)
        #expect(status.contains(": succeeded"), "\(status)\n\(cluster.daemons[0].log.suffix(3000))")
        #expect(try Self.parts(of: work.file("commit")) == reference)
        #expect(try Self.mapAttempts(of: job, on: cluster).values.allSatisfy { $0.count == 1 }, "no task ran again")
        let names = try FileManager.default.contentsOfDirectory(atPath: work.file("commit")).sorted()
        #expect(names.filter { !$0.hasPrefix("_") } == ["part-r-00000", "part-r-00001", "part-r-00002"], "\(names)")
    }

    @Test func histeqResumesAfterItsPhaseBoundary() throws {
        let cluster = try Cluster(trackers: 0)
        for _ in 0..<2 { try cluster.addTracker(["--shared-input", cluster.directory.file("jt/staging")]) }
        let work = try TemporaryDirectory("recovery-histeq")
        let source = SharedData.images + "/extra/chandelier_canon_2048x1536_exif_orient6.jpg"
        try FileManager.default.copyItem(atPath: source, toPath: work.file("photo.jpg"))
        let embedded = try ProcessOutput.run(
            ClusterProcessTests.binaries + "/mrsubmit",
            ["histeq", "photo.jpg", "--quiet", "-o", "embedded.jpg"],
            in: work.path
        )
        #expect(embedded.status == 0, "\(embedded.standardError)")
        cluster.daemons[0].stop()
        try Self.startJobTracker(
            of: cluster,
            arguments: ["--crash-at", "after-phase-start"],
            name: "jobtracker-histeq"
        )
        let client = try Daemon(
            ClusterProcessTests.binaries + "/mrsubmit",
            [
                "histeq", work.file("photo.jpg"), "--quiet", "-o", work.file("recovered.jpg"), "--cluster",
                "127.0.0.1:\(cluster.port)", "--secret-file", cluster.secretFile,
            ],
            logPath: work.file("histeq.log")
        )
        let crashed = Daemon.wait(seconds: 120) { !cluster.daemons[0].process.isRunning }
        #expect(crashed, "the JobTracker did not reach phase 2: \(cluster.daemons[0].log.suffix(2000))")
        #expect(cluster.daemons[0].log.contains("crashing as --crash-at asked"), "\(cluster.daemons[0].log)")
        try Self.startJobTracker(of: cluster, name: "jobtracker-histeq-after")
        let ended = Daemon.wait(seconds: 120) { !client.process.isRunning }
        #expect(ended && client.process.terminationStatus == 0, "mrsubmit: \(client.log)")
        #expect(client.log.contains("JobTracker restarted; job resumed"), "\(client.log)")
        let resumed = cluster.daemons[0].log.split(separator: "\n").first { $0.contains("job resumed") } ?? ""
        #expect(resumed.contains("phase=apply"), "resumed in phase 2: \(resumed)")
        let reference = try Data(contentsOf: URL(fileURLWithPath: work.file("embedded.jpg")))
        #expect(!reference.isEmpty)
        #expect(try Data(contentsOf: URL(fileURLWithPath: work.file("recovered.jpg"))) == reference)
    }

    @Test func aJobSubmittedWhileTheJobTrackerRestartsWaitsForIt() throws {
        let cluster = try Cluster(trackers: 1)
        let work = try TemporaryDirectory("recovery-submit")
        Self.killJobTracker(of: cluster)
        let book = SharedData.books + "/pg11.txt"
        let client = try Daemon(
            ClusterProcessTests.binaries + "/mrsubmit",
            [
                "wordcount", book, "--remote-paths", "-o", work.file("out"), "--cluster", "127.0.0.1:\(cluster.port)",
                "--secret-file", cluster.secretFile, "--quiet",
            ],
            logPath: work.file("submit.log")
        )
        let waiting = Daemon.wait(seconds: 30) { client.log.contains("unreachable") }
        #expect(waiting && client.process.isRunning, "\(client.log)")
        try Self.startJobTracker(of: cluster, name: "jobtracker-submit")
        let ended = Daemon.wait(seconds: 120) { !client.process.isRunning }
        #expect(ended && client.process.terminationStatus == 0, "mrsubmit: \(client.log)")
        #expect(try Oracles.sortedOutput(work.file("out")) == Oracles.coreutilsWordCount([book]))

        let refused = try cluster.mrsubmit(
            ["wordcount", book, "--remote-paths", "-o", work.file("none")],
            in: work.path,
            secret: try work.write("other-secret", "ZmFrZWZha2VmYWtlZmFrZWZha2VmYWtlZmFrZWZha2U=\n")
        )
        #expect(refused.status != 0 && !refused.standardError.contains("unreachable"), "\(refused.standardError)")
    }

    @Test func aTornLastJournalRecordIsDroppedAndTheJobStillSucceeds() throws {
        let cluster = try Cluster(trackers: 3)
        let work = try TemporaryDirectory("recovery-torn")
        let journal = cluster.directory.file("jt/journal/journal.log")
        let run = try Self.runKilled(when: [\.inMapPhase], on: cluster, in: work, name: "torn") {
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: journal))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data([0, 0, 0, 40, 1, 2, 3, 4, 9, 9, 9]))
            try handle.close()
        }
        #expect(run.status.contains(": succeeded"), "\(run.status)\n\(cluster.daemons[0].log.suffix(3000))")
        #expect(cluster.daemons[0].log.contains("dropped a torn last journal record"), "\(cluster.daemons[0].log)")
        let sorted = try Oracles.sortedOutput(work.file("torn"))
        #expect(!sorted.isEmpty)
    }

    @Test func aDamagedJournalRecordStopsTheJobTrackerNamingFileAndOffset() throws {
        let cluster = try Cluster(trackers: 1)
        let work = try TemporaryDirectory("recovery-corrupt")
        let journal = cluster.directory.file("jt/journal/journal.log")
        let job = try Self.submit(on: cluster, output: work.file("corrupt"), in: work)
        Self.waitFor(job, on: cluster, in: work) { $0.maps >= 2 }
        Self.killJobTracker(of: cluster)
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: journal)))
        bytes[30] ^= 0x01
        try Data(bytes).write(to: URL(fileURLWithPath: journal))
        try Self.startJobTracker(of: cluster, name: "jobtracker-corrupt", waits: false)
        let stopped = Daemon.wait(seconds: 20) { !cluster.daemons[0].process.isRunning }
        #expect(stopped && cluster.daemons[0].process.terminationStatus != 0, "\(cluster.daemons[0].log)")
        let log = cluster.daemons[0].log
        #expect(log.contains("journal corrupt: \(journal) at offset 16: checksum mismatch"), "\(log)")
    }
}
