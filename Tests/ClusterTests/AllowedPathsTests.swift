import Foundation
import Logging
import MapReduce
import TestSupport
import Testing
import Wire

@testable import Cluster

/// A JobTracker lets submissions name only paths under its allowed roots, links resolved.
struct AllowedPathsTests {
    @Test func pathsOutsideTheRootsAreRefusedEvenThroughLinks() throws {
        let directory = try TemporaryDirectory("allowed")
        try directory.write("data/staging/a.txt", "a")
        try directory.write("elsewhere/secret.txt", "s")
        symlink(directory.file("elsewhere"), directory.file("data/staging/link"))
        let allowed = AllowedPaths.defaults(dataDirectory: directory.file("data"))
        try allowed.check(directory.file("data/staging/a.txt"), as: "input")
        try allowed.check(directory.file("data/outputs/job_1/new"), as: "output")
        for path in [
            "elsewhere/secret.txt", "data/staging/link/secret.txt", "data/staging/../../elsewhere", "data/jobs",
        ] {
            #expect(throws: InputError.self, "\(path)") { try allowed.check(directory.file(path), as: "input") }
        }
        #expect(throws: InputError.self) { try allowed.check("/etc/passwd", as: "input") }
    }

    @Test func aJobTrackerRefusesAnInputOutsideItsRoots() async throws {
        let directory = try TemporaryDirectory("allowed-jobtracker")
        let tracker = try JobTracker(
            configuration: JobTrackerConfiguration(
                host: "127.0.0.1",
                dataDirectory: directory.file("jobtracker"),
                secret: ClusterSecret.random()
            ),
            logger: .init(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        )
        let outside = try directory.write("outside/words.txt", Array("a b\n".utf8))
        for (inputs, output) in [([outside], ""), ([directory.file("jobtracker/staging")], directory.file("victim"))] {
            do {
                _ = try await tracker.submit(
                    SubmitJobRequest(
                        job: "wordcount",
                        parameters: JobParameters(),
                        inputs: inputs,
                        outputPath: output,
                        reducers: 1,
                        splitSize: 1 << 20,
                        mapBufferSize: 1 << 20,
                        replacesOutput: true
                    )
                )
                Issue.record("a submission naming \(inputs) and \(output) was accepted")
            } catch let error as InputError {
                #expect(error.problem.contains("outside the JobTracker's allowed paths"), "\(error)")
            }
        }
    }
}
