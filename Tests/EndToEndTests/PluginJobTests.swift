import Cluster
import Foundation
import MapReduce
import MapReduceEngine
import Synchronization
import TestSupport
import Testing
import Wire

/// Jobs as plugins: a job author's own package (`examples/indexer`), built against this checkout,
/// runs on the embedded cluster and on stock daemons started before it was built; several
/// binaries run at once; a binary that cannot run fails its job at once with one clear line.
@Suite(.serialized)
struct PluginJobTests {
    @Test func anAuthorsPackageRunsOnAClusterStartedBeforeItWasBuilt() throws {
        let cluster = try ClusterProcessTests.Cluster(trackers: 2)
        let indexer = try ExamplePackage.indexer()
        let work = try TemporaryDirectory("plugin-client")
        let books = Array(try SharedData.bookPaths().prefix(4))
        let input = try work.write("books/.keep", [])
        let inputs = (input as NSString).deletingLastPathComponent
        for book in books {
            try FileManager.default.copyItem(atPath: book, toPath: inputs + "/" + (book as NSString).lastPathComponent)
        }
        let oracle = try InvertedIndexOracle.index(of: books)

        let embedded = try ProcessOutput.run(
            indexer,
            ["index", inputs, "-o", "embedded-out", "--split-size", "256k"],
            in: work.path
        )
        #expect(embedded.status == 0, "\(embedded.standardError)")
        #expect(try Oracles.sortedOutput(work.file("embedded-out")) == oracle)

        let remote = try cluster.run(
            indexer,
            ["index", inputs, "-o", "remote-out", "--split-size", "256k", "--reducers", "3"],
            in: work.path
        )
        #expect(remote.status == 0, "\(remote.standardError)")
        #expect(remote.standardError.contains("shipped indexer@"), "\(remote.standardError)")
        #expect(try Oracles.sortedOutput(work.file("remote-out")) == oracle)

        let again = try cluster.run(indexer, ["grep", inputs, "--pattern", "whale", "-o", "grep-out"], in: work.path)
        #expect(again.status == 0, "\(again.standardError)")
        #expect(
            again.standardError.contains("the cluster has indexer@"),
            "a resubmitted binary is not uploaded again: \(again.standardError)"
        )
        let matches =
            try String(contentsOfFile: work.file("grep-out/part-r-00000"), encoding: .utf8)
            + ((try? String(contentsOfFile: work.file("grep-out/part-r-00001"), encoding: .utf8)) ?? "")
        #expect(matches.contains("whale"))

        let listed = try cluster.mrsubmit(["list"], in: work.path)
        #expect(listed.text.contains("indexer@"), "\(listed.text)")
    }

    @Test func twoJobsFromTwoBinariesRunAtOnce() throws {
        let cluster = try ClusterProcessTests.Cluster(trackers: 2)
        let work = try TemporaryDirectory("plugin-pair")
        let first = try ExamplePackage.indexer()
        let second = work.file("indexer-copy")
        try FileManager.default.copyItem(atPath: first, toPath: second)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: second))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("a different binary by its bytes\n".utf8))
        try handle.close()
        let outputs = [work.file("first-out"), work.file("second-out")]
        let results = Mutex<[ProcessOutput?]>([nil, nil])
        let (address, secret, directory) = ("127.0.0.1:\(cluster.port)", cluster.secretFile, work.path)
        let threads = zip([first, second], outputs).enumerated().map { index, pair in
            Thread {
                let output = try? ProcessOutput.run(
                    pair.0,
                    [
                        "index", SharedData.books, "-o", pair.1, "--split-size", "256k", "--reducers", "2", "--cluster",
                        address,
                        "--secret-file", secret,
                    ],
                    in: directory,
                    timeout: 600
                )
                results.withLock { $0[index] = output }
            }
        }
        for thread in threads { thread.start() }
        #expect(Daemon.wait(seconds: 600) { results.withLock { $0.allSatisfy { $0 != nil } } })
        for output in results.withLock({ $0 }) { #expect(output?.status == 0, "\(output?.standardError ?? "")") }
        #expect(try Oracles.sortedOutput(outputs[0]) == Oracles.sortedOutput(outputs[1]))
        let reports = try ClusterClient.blocking(cluster) { client, connection in try await client.list(on: connection)
        }
        let indexJobs = reports.filter { $0.name == "index" }
        #expect(Set(indexJobs.map(\.binary)).count == 2, "\(indexJobs.map(\.binary))")
        let spans = indexJobs.map { ($0.submittedAt, $0.submittedAt + $0.elapsedSeconds) }
        #expect(
            spans.count == 2 && spans[0].0 < spans[1].1 && spans[1].0 < spans[0].1,
            "the two jobs overlapped: \(spans)"
        )
    }

    @Test(arguments: [
        ("arm64-tool", TinyELF.aarch64, "exec format error"),
        ("exits-127", Array("#!/bin/sh\nexit 127\n".utf8), "status 127"),
    ])
    func aBinaryThatCannotRunFailsTheJobWithinSeconds(name: String, bytes: [UInt8], cause: String) throws {
        let cluster = try ClusterProcessTests.Cluster(trackers: 2)
        let work = try TemporaryDirectory("plugin-bad")
        let binary = try work.write(name, bytes)
        chmod(binary, 0o755)
        let input = try work.write("input.txt", Array("one two three\n".utf8))
        let digest = try FileDigest.sha256(ofFileAt: binary)
        let file = JobFileReference(sha256: digest.hash, name: name, size: digest.size, isExecutable: true)
        let started = Date()
        let report = try ClusterClient.blocking(cluster) { client, connection in
            try await client.store([(file, binary)], on: connection)
            let plan = JobPlan(phases: [
                PhasePlan(
                    name: "count",
                    mapTasks: [[InputSplit(path: input, start: 0, length: 14)]],
                    reduceCount: 1,
                    writesBroadcast: false
                )
            ])
            let id = try await client.submit(
                SubmitJobRequest(
                    job: "wordcount",
                    binary: .stored(file),
                    parameters: JobParameters(),
                    inputs: [input],
                    outputPath: work.file("out"),
                    reducers: 1,
                    splitSize: 1 << 20,
                    mapBufferSize: 1 << 20,
                    replacesOutput: false,
                    plan: plan
                ),
                on: connection
            )
            return try await client.follow(id, on: connection, every: .milliseconds(100)) { _ in }
        }
        let seconds = Date().timeIntervalSince(started)
        #expect(report.state == .failed)
        #expect(report.failure.contains("job binary \(name)@"), "\(report.failure)")
        #expect(report.failure.contains("on tracker"), "\(report.failure)")
        #expect(report.failure.contains(cause), "\(report.failure)")
        #expect(report.failedAttempts == 0, "no attempt of job code ran, so none failed")
        #expect(seconds < 10, "failed after \(seconds) s")
        print("\(name): failed clearly after \(String(format: "%.2f", seconds)) s: \(report.failure)")
    }
}

extension ClusterProcessTests.Cluster {
    /// Runs a job tool against this cluster.
    func run(_ tool: String, _ arguments: [String], in directory: String) throws -> ProcessOutput {
        try ProcessOutput.run(
            tool,
            arguments + ["--cluster", "127.0.0.1:\(port)", "--secret-file", secretFile],
            in: directory,
            timeout: 600
        )
    }
}

extension ClusterClient {
    /// Runs `body` on a connection to the test cluster's JobTracker and waits for its result.
    static func blocking<T: Sendable>(
        _ cluster: ClusterProcessTests.Cluster,
        _ body: @escaping @Sendable (ClusterClient, WireConnection) async throws -> T
    ) throws -> T {
        let client = ClusterClient(
            address: ClusterAddress(host: "127.0.0.1", port: cluster.port),
            secret: try ClusterSecret(fileAt: cluster.secretFile)
        )
        let result = Mutex<Result<T, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                let value = try await client.withConnection { try await body(client, $0) }
                result.withLock { $0 = .success(value) }
            } catch {
                result.withLock { $0 = .failure(error) }
            }
            done.signal()
        }
        done.wait()
        return try result.withLock { $0! }.get()
    }
}
