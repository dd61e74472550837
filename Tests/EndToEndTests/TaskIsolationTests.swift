import Foundation
import TestSupport
import Testing

/// Attempts start with a scrubbed environment: a job sees neither the cluster secret nor any
/// variable of its tracker's, but the variables it declares; and an attempt past the tracker's
/// `--task-memory` fails with a clear message while the tracker lives on.
@Suite(.serialized)
struct TaskIsolationTests {
    @Test func jobsSeeNoSecretNorTrackerVariableButWhatTheyDeclareAndStayWithinTheirMemory() throws {
        let cluster = try ClusterProcessTests.Cluster(trackers: 0)
        cluster.daemons.append(
            try Daemon(
                "/usr/bin/env",
                [
                    "MR_SECRET=cluster-test-secret", "MAPREDUCE_CLUSTER_SECRET=cluster-test-secret",
                    "TRACKER_ONLY_VARIABLE=tracker",
                    ClusterProcessTests.binaries + "/tasktracker", "--jobtracker", "127.0.0.1:\(cluster.port)",
                    "--host", "127.0.0.2",
                    "--shuffle-port", "0", "--http-port", "0", "--slots", "1", "--work-dir",
                    cluster.directory.file("tt0"),
                    "--secret-file", cluster.secretFile, "--network-only", "--task-memory", "256m",
                ],
                logPath: cluster.directory.file("tasktracker0.log")
            )
        )
        let tracker = cluster.daemons[1]
        #expect(Daemon.wait(seconds: 15) { cluster.daemons[0].log.contains("tracker registered") }, "\(tracker.log)")
        let work = try TemporaryDirectory("task-isolation")
        let book = SharedData.books + "/pg11.txt"

        let run = try cluster.mrsubmit(
            ["fault-env", book, "-o", "env", "-D", "mapreduce.task.env=DECLARED_GREETING=hello there"],
            in: work.path
        )
        #expect(run.status == 0, "\(run.standardError)")
        let output = try Oracles.sortedOutput(work.file("env"))
        let seen = String(decoding: output, as: UTF8.self).split(separator: "\n").filter { $0.hasPrefix("env:") }
            .map { String($0.dropFirst(4).prefix { $0 != "=" }) }
        #expect(
            seen.contains("DECLARED_GREETING") && seen.contains("MR_TRACKER_PID") && seen.contains("PATH"),
            "\(seen)"
        )
        for hidden in ["MR_SECRET", "MAPREDUCE_CLUSTER_SECRET", "TRACKER_ONLY_VARIABLE"] {
            #expect(!seen.contains(hidden), "a task sees \(hidden): \(seen)")
        }
        #expect(String(decoding: output, as: UTF8.self).contains("env:DECLARED_GREETING=hello there\t1"))
        #expect(!String(decoding: output, as: UTF8.self).contains("cluster-test-secret"))

        let reserved = try cluster.mrsubmit(
            ["fault-env", book, "-o", "reserved", "-D", "mapreduce.task.env=MR_SECRET=x"],
            in: work.path
        )
        #expect(reserved.status != 0)
        #expect(
            reserved.standardError.contains(
                "-D mapreduce.task.env: MR_SECRET: names starting with MR_ are the framework's"
            )
        )

        let greedy = try cluster.mrsubmit(
            ["fault-memory", book, "-o", "greedy", "-D", "fault.memory-mb=1024"],
            in: work.path
        )
        #expect(greedy.status != 0)
        #expect(
            greedy.standardError.contains("task process ran out of memory: it may use 256.0 MiB (--task-memory)"),
            "\(greedy.standardError)"
        )
        #expect(tracker.process.isRunning, "the tracker outlives its attempts")
        let modest = try cluster.mrsubmit(
            ["fault-memory", book, "-o", "modest", "-D", "fault.memory-mb=16"],
            in: work.path
        )
        #expect(modest.status == 0, "\(modest.standardError)")
    }
}
