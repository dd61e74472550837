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
    static func wordCount(output: String) -> [String] {
        [
            "streaming", "--mapper", "sleep 0.2; LC_ALL=C tr -s '[:space:]' '\\n' | grep -av '^$'", "--reducer",
            "sleep 3; uniq -c", SharedData.books, "--remote-paths", "-o", output, "--split-size", "256k",
            "--reducers", "3", "--detach",
        ]
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

    /// Starts the JobTracker again on the same port and data directory.
    static func startJobTracker(of cluster: Cluster, arguments: [String] = [], name: String) throws {
        cluster.daemons[0] = try Daemon(
            ClusterProcessTests.binaries + "/jobtracker",
            [
                "--host", "127.0.0.1", "--port", "\(cluster.port)", "--http-port", "0", "--data-dir",
                cluster.directory.file("jt"), "--secret-file", cluster.secretFile, "--heartbeat-interval", "0.2",
            ] + Cluster.allowedPaths + arguments,
            logPath: cluster.directory.file("\(name).log")
        )
    }

    /// Submits the job, waits until `when` holds of its progress, kills the JobTracker, runs
    /// `whileDown`, starts the JobTracker again and returns the job's final status and output.
    static func runKilled(
        when conditions: [(Progress) -> Bool],
        on cluster: Cluster,
        in work: TemporaryDirectory,
        name: String,
        whileDown: () throws -> Void = {}
    ) throws -> (job: String, status: String, parts: [Data]?) {
        let job = try submit(on: cluster, output: work.file(name), in: work)
        for (index, condition) in conditions.enumerated() {
            waitFor(job, on: cluster, in: work, until: condition)
            killJobTracker(of: cluster)
            try whileDown()
            try startJobTracker(of: cluster, name: "jobtracker-\(name)-\(index + 1)")
        }
        let status = cluster.waitForEnd(of: job, in: work.path, seconds: 180)
        return (job, status, try? parts(of: work.file(name)))
    }

    @Test func aJobTrackerKilledInTheMapPhaseOrTheReducePhaseResumesTheJob() throws {
        let cluster = try Cluster(trackers: 3)
        let work = try TemporaryDirectory("recovery")
        let reference = try Self.faultFreeParts(on: cluster, in: work)

        let maps = try Self.runKilled(when: [\.inMapPhase], on: cluster, in: work, name: "map")
        #expect(maps.status.contains(": succeeded"), "\(maps.status)\n\(cluster.daemons[0].log.suffix(3000))")
        #expect(maps.parts == reference, "the output after a restart in the map phase equals the fault-free one")
        let mapLog = cluster.daemons[0].log
        #expect(mapLog.contains("job resumed"), "\(mapLog.suffix(3000))")
        #expect(mapLog.contains("map outputs of resumed jobs adopted"), "\(mapLog.suffix(3000))")

        let reduces = try Self.runKilled(when: [\.inReducePhase], on: cluster, in: work, name: "reduce")
        #expect(reduces.status.contains(": succeeded"), "\(reduces.status)\n\(cluster.daemons[0].log.suffix(3000))")
        #expect(reduces.parts == reference, "the output after a restart in the reduce phase equals the fault-free one")
        let reduceLog = cluster.daemons[0].log
        #expect(reduceLog.contains("map outputs of resumed jobs adopted"), "\(reduceLog.suffix(3000))")
        #expect(!reduceLog.contains("running their maps again"), "no map whose output survived runs again")

        let twice = try Self.runKilled(when: [\.inMapPhase, \.inReducePhase], on: cluster, in: work, name: "twice")
        #expect(twice.status.contains(": succeeded"), "\(twice.status)\n\(cluster.daemons[0].log.suffix(3000))")
        #expect(twice.parts == reference, "the output after two restarts equals the fault-free one")
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
        try Self.startJobTracker(of: cluster, name: "jobtracker-corrupt")
        let stopped = Daemon.wait(seconds: 20) { !cluster.daemons[0].process.isRunning }
        #expect(stopped && cluster.daemons[0].process.terminationStatus != 0, "\(cluster.daemons[0].log)")
        let log = cluster.daemons[0].log
        #expect(log.contains("journal corrupt: \(journal) at offset 16: checksum mismatch"), "\(log)")
    }
}
