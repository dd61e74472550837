import Foundation
import Logging
import MapReduce
import TestSupport
import Wire

@testable import Cluster

/// JobTracker actors, jobs and tracker registrations for the tests that call the actor directly,
/// without sockets.
enum JobTrackerFixture {
    /// A JobTracker actor without trackers, whose data directory is in `directory`.
    static func jobTracker(
        in directory: TemporaryDirectory,
        heartbeatInterval: Duration = .seconds(1),
        configure: (inout JobTrackerConfiguration) -> Void = { _ in }
    ) throws -> JobTracker {
        var configuration = JobTrackerConfiguration(
            host: "127.0.0.1",
            dataDirectory: directory.file("jobtracker"),
            secret: ClusterSecret.random(),
            settings: JobTrackerSettings(heartbeatInterval: heartbeatInterval),
            allowedPaths: [directory.path]
        )
        configure(&configuration)
        return try JobTracker(
            configuration: configuration,
            logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        )
    }

    /// A word-count job of one small file in `directory`, written to `output` there.
    static func wordCount(in directory: TemporaryDirectory, output: String = "out") throws -> SubmitJobRequest {
        SubmitJobRequest(
            job: "wordcount",
            parameters: JobParameters(),
            inputs: [try directory.write("in/words.txt", Array("a b a\n".utf8))],
            outputPath: directory.file(output),
            reducers: 1,
            splitSize: 1 << 20,
            mapBufferSize: 1 << 20,
            replacesOutput: false
        )
    }

    /// The registration of a tracker named `name` with `slots` slots that has word count installed.
    static func registration(
        of name: String,
        slots: Int = 1,
        in directory: TemporaryDirectory
    ) -> RegisterTrackerRequest {
        RegisterTrackerRequest(
            tracker: name,
            host: "127.0.0.1",
            shufflePort: 1,
            slots: slots,
            probe: FileSystemProbe(path: directory.file("probe"), token: name),
            installedJobs: [
                JobDescriptor(name: "wordcount", summary: "", options: [], isHidden: false, writesFilePerInput: false)
            ]
        )
    }
}
