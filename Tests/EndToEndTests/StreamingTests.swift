import Foundation
import TestSupport
import Testing

/// `mrsubmit streaming` as users run it: shell pipelines and shipped Python scripts as mapper and
/// reducer, on the embedded cluster and on a cluster of separate processes without shared disk.
struct StreamingTests {
    static let wordMapper = "LC_ALL=C tr -s '[:space:]' '\\n' | grep -av '^$'"
    static let examples = SharedData.repositoryRoot + "/examples/streaming"

    func mrsubmit(_ arguments: [String], in directory: String) throws -> ProcessOutput {
        try ProcessOutput.run(MRSubmitTests.executable, arguments, in: directory)
    }

    @Test func theCoursePipelineCountsWordsOnTheEmbeddedCluster() throws {
        let directory = try TemporaryDirectory("e2e-streaming")
        let books = try SharedData.bookPaths()
        for reducers in [1, 4] {
            let run = try mrsubmit(
                [
                    "streaming", "--mapper", Self.wordMapper, "--reducer", "uniq -c", SharedData.books, "-o",
                    "out-\(reducers)",
                    "--reducers", "\(reducers)", "--split-size", "1m",
                ],
                in: directory.path
            )
            #expect(run.status == 0, "\(run.standardError)")
            #expect(
                try Oracles.uniqCountsAsTabbedLines(directory.file("out-\(reducers)"))
                    == Oracles.coreutilsWordCount(books)
            )
        }
    }

    @Test func aFailingReducerFailsTheJobWithItsStatusAndStandardError() throws {
        let directory = try TemporaryDirectory("e2e-streaming-fail")
        try directory.write("in.txt", "a\nb\n")
        let run = try mrsubmit(
            [
                "streaming", "--mapper", "cat", "--reducer", "cat >/dev/null; echo 'no luck' >&2; exit 3", "in.txt",
                "--reducers", "1",
            ],
            in: directory.path
        )
        #expect(run.status != 0)
        #expect(run.standardError.contains("exited with status 3"), "\(run.standardError)")
        #expect(run.standardError.contains("no luck"), "\(run.standardError)")
        #expect(!FileManager.default.fileExists(atPath: directory.file("streaming-out/_SUCCESS")))
    }

    @Test func aMissingFileOrMapperIsRefusedInOneLine() throws {
        let directory = try TemporaryDirectory("e2e-streaming-refused")
        try directory.write("in.txt", "a\n")
        let missing = try mrsubmit(
            ["streaming", "--mapper", "python3 mapper.py", "--file", "mapper.py", "in.txt"],
            in: directory.path
        )
        #expect(missing.status != 0)
        #expect(
            missing.standardError.contains("mapper.py: no such file or directory to ship (--file)"),
            "\(missing.standardError)"
        )
        #expect(missing.standardError.split(separator: "\n").count == 1, "\(missing.standardError)")
        let noMapper = try mrsubmit(["streaming", "in.txt"], in: directory.path)
        #expect(noMapper.status != 0)
        #expect(noMapper.standardError.contains("--mapper"), "\(noMapper.standardError)")
    }

    @Test func shippedPythonScriptsAndThePipelineRunOnAClusterWithoutSharedDisk() throws {
        let cluster = try ClusterProcessTests.Cluster(trackers: 2)
        let work = try TemporaryDirectory("e2e-streaming-cluster")
        let books = try SharedData.bookPaths()
        for script in ["mapper.py", "reducer.py", "logbytes_mapper.py"] {
            try FileManager.default.copyItem(atPath: Self.examples + "/" + script, toPath: work.file(script))
        }
        let python = try cluster.mrsubmit(
            [
                "streaming", "--mapper", "python3 mapper.py", "--reducer", "python3 reducer.py", "--file", "mapper.py",
                "--file", "reducer.py", SharedData.books, "-o", "python-wc", "--reducers", "3", "--split-size", "1m",
            ],
            in: work.path
        )
        #expect(python.status == 0, "\(python.standardError)\n\(cluster.daemons[0].log.suffix(3000))")
        #expect(try Oracles.sortedOutput(work.file("python-wc")) == Oracles.coreutilsWordCount(books))
        let pipeline = try cluster.mrsubmit(
            [
                "streaming", "--mapper", Self.wordMapper, "--reducer", "uniq -c", SharedData.books, "-o", "pipeline-wc",
                "--reducers", "3", "--split-size", "1m",
            ],
            in: work.path
        )
        #expect(pipeline.status == 0, "\(pipeline.standardError)")
        let embedded = try mrsubmit(
            [
                "streaming", "--mapper", Self.wordMapper, "--reducer", "uniq -c", SharedData.books, "-o", "embedded-wc",
                "--reducers", "3", "--split-size", "1m",
            ],
            in: work.path
        )
        #expect(embedded.status == 0, "\(embedded.standardError)")
        let differing = try ["part-r-00000", "part-r-00001", "part-r-00002"].filter { part in
            try Data(contentsOf: URL(fileURLWithPath: work.file("pipeline-wc/" + part)))
                != Data(contentsOf: URL(fileURLWithPath: work.file("embedded-wc/" + part)))
        }
        #expect(differing.isEmpty, "\(differing) differ between the process cluster and the embedded one")
        let logs = try cluster.mrsubmit(
            [
                "streaming", "--mapper", "python3 logbytes_mapper.py", "--reducer", "python3 reducer.py",
                "--file", "logbytes_mapper.py", "--file", "reducer.py", SharedData.accessLog, "-o", "python-logs",
            ],
            in: work.path
        )
        #expect(logs.status == 0, "\(logs.standardError)")
        let builtin = try cluster.mrsubmit(["logbytes", SharedData.accessLog, "-o", "builtin-logs"], in: work.path)
        #expect(builtin.status == 0, "\(builtin.standardError)")
        #expect(try Oracles.sortedOutput(work.file("python-logs")) == Oracles.sortedOutput(work.file("builtin-logs")))
        #expect(logs.text.contains("logbytes.MALFORMED_LINES"), "\(logs.text)")
    }

    @Test func aShippedDirectoryKeepsItsExecutables() throws {
        let directory = try TemporaryDirectory("e2e-streaming-directory")
        try directory.write("in.txt", "b\na\n")
        try directory.write("tools/upper.sh", "#!/bin/sh\nexec tr a-z A-Z\n")
        chmod(directory.file("tools/upper.sh"), 0o755)
        let run = try mrsubmit(
            ["streaming", "--mapper", "tools/upper.sh", "--file", "tools", "in.txt", "--reducers", "1"],
            in: directory.path
        )
        #expect(run.status == 0, "\(run.standardError)")
        #expect(try String(contentsOfFile: directory.file("streaming-out/part-r-00000"), encoding: .utf8) == "A\nB\n")
    }

    @Test func aHangingCommandIsKilledWithItsAttemptByTheTaskTimeout() throws {
        let cluster = try ClusterProcessTests.Cluster(
            trackers: 1,
            jobTrackerArguments: ["--task-timeout", "2", "--max-attempts", "2"]
        )
        let work = try TemporaryDirectory("e2e-streaming-hang")
        try work.write("in.txt", "a\n")
        let marker = "sleep 4\(Int.random(in: 1000...9999))"
        let run = try cluster.mrsubmit(
            ["streaming", "--mapper", "\(marker); cat", "in.txt", "-o", "out"],
            in: work.path
        )
        #expect(run.status != 0)
        #expect(run.standardError.contains("no progress for 2 s"), "\(run.standardError)")
        let gone = Daemon.wait(seconds: 10) { ClusterTrackerLossTests.processes(mentioning: marker).isEmpty }
        #expect(gone, "the hanging command dies with its attempt, not after it")
    }
}
