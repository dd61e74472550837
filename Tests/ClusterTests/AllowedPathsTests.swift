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

    /// `--allowed-path` adds roots for `--remote-paths`; it must not take away the data directory's
    /// areas, where the JobTracker itself puts uploaded inputs and the outputs of `--cluster` jobs
    /// (scripts/adversarial found every uploading submission refused once a root was given).
    @Test func givenRootsKeepTheDataDirectoryAreasAllowed() throws {
        let directory = try TemporaryDirectory("allowed-given")
        let configuration = JobTrackerConfiguration(
            host: "127.0.0.1",
            dataDirectory: directory.file("jobtracker"),
            secret: ClusterSecret.random(),
            allowedPaths: [directory.file("shared")]
        )
        let allowed = configuration.allowedPaths
        try allowed.check(directory.file("jobtracker/staging/upload-1/input-0/words.txt"), as: "input")
        try allowed.check(directory.file("jobtracker/console/upload-2"), as: "input")
        try allowed.check(directory.file("jobtracker/outputs/job_1"), as: "output")
        try allowed.check(directory.file("shared/books"), as: "input")
        #expect(throws: InputError.self) { try allowed.check(directory.file("jobtracker/jobs"), as: "input") }
        #expect(throws: InputError.self) { try allowed.check(directory.file("elsewhere"), as: "output") }
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
