import ArgumentParser
import CProcessControl
import Cluster
import DaemonHTTP
import Foundation
import Hummingbird
import Logging
import Prometheus
import ServiceLifecycle
import Wire

/// `tasktracker`: runs a TaskTracker daemon until SIGTERM or SIGINT.
@main
struct TaskTrackerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tasktracker",
        abstract: "Run a swift-mapreduce TaskTracker: runs map and reduce attempts and serves map outputs.",
        discussion: """
            Every option can also be set through the environment variable named after it (shown in brackets).
            The cluster secret comes from --secret-file, MR_SECRET, or MR_SECRET_FILE.
            """
    )

    @Option(help: "The JobTracker as HOST:PORT [MR_JOBTRACKER].")
    var jobtracker: String =
        ProcessInfo.processInfo.environment["MR_JOBTRACKER"] ?? "127.0.0.1:\(JobTrackerConfiguration.defaultPort)"

    @Option(help: "The address the shuffle server binds [MR_HOST].")
    var host: String = ProcessInfo.processInfo.environment["MR_HOST"] ?? "127.0.0.1"

    @Option(help: "The address other trackers reach this one at (default: --host) [MR_ADVERTISE_HOST].")
    var advertiseHost: String?

    @Option(help: "The shuffle server's port; 0 picks a free one [MR_SHUFFLE_PORT].")
    var shufflePort: Int =
        Int(ProcessInfo.processInfo.environment["MR_SHUFFLE_PORT"] ?? "") ?? TaskTrackerConfiguration.defaultShufflePort

    @Option(help: "The HTTP port for health, readiness and metrics; 0 picks a free one [MR_HTTP_PORT].")
    var httpPort: Int =
        Int(ProcessInfo.processInfo.environment["MR_HTTP_PORT"] ?? "") ?? TaskTrackerConfiguration.defaultHTTPPort

    @Option(help: "Tasks run at once (default: the number of cores) [MR_SLOTS].")
    var slots: Int =
        Int(ProcessInfo.processInfo.environment["MR_SLOTS"] ?? "") ?? ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Where attempts keep their files [MR_WORK_DIR].")
    var workDir: String = ProcessInfo.processInfo.environment["MR_WORK_DIR"] ?? "./tasktracker-work"

    @Option(
        help:
            "Inputs under this path are read from a disk shared with the JobTracker; others are fetched from it [MR_SHARED_INPUT]."
    )
    var sharedInput: String?

    @Flag(
        help: """
            Fetch map outputs and upload reduce outputs over the network even where a shared file system \
            would let reduces read and write them in place [MR_NETWORK_ONLY=1].
            """
    )
    var networkOnly = ProcessInfo.processInfo.environment["MR_NETWORK_ONLY"] == "1"

    @Option(help: "A file holding the cluster secret [MR_SECRET_FILE].")
    var secretFile: String?

    @Option(help: "Map outputs a reduce fetches at once [MR_PARALLEL_FETCHES].")
    var parallelFetches: Int = Int(ProcessInfo.processInfo.environment["MR_PARALLEL_FETCHES"] ?? "") ?? 4

    @Option(
        help: "Consecutive map outputs a reduce merges on disk while it fetches the rest [MR_SHUFFLE_MERGE_FACTOR]."
    )
    var shuffleMergeFactor: Int = Int(ProcessInfo.processInfo.environment["MR_SHUFFLE_MERGE_FACTOR"] ?? "") ?? 10

    @Option(
        help: ArgumentHelp(
            """
            Bytes of fetched map outputs each reduce keeps in memory before merging them to disk, e.g. 64m; 0 writes \
            every one to disk (default: a quarter of --task-memory, or 64m) [MR_SHUFFLE_MEMORY].
            """,
            valueName: "size"
        )
    )
    var shuffleMemory: String?

    @Option(
        help: """
            Seconds a stopping tracker (SIGTERM, SIGINT) lets running attempts finish and serves map outputs \
            that reduces still need before it hands the attempts back and leaves [MR_DRAIN_TIMEOUT].
            """
    )
    var drainTimeout: Double =
        Double(ProcessInfo.processInfo.environment["MR_DRAIN_TIMEOUT"] ?? "")
        ?? Double(TaskTrackerConfiguration.defaultDrainTimeout.components.seconds)

    @Option(
        help: ArgumentHelp(
            "The most bytes of shipped job binaries and files kept, e.g. 2g [MR_JOB_FILE_CACHE].",
            valueName: "size"
        )
    )
    var jobFileCache: String = ProcessInfo.processInfo.environment["MR_JOB_FILE_CACHE"] ?? "2g"

    @Option(
        help: ArgumentHelp(
            """
            Free space the work directory needs before the tracker takes new tasks: a size (2g), a share of its file \
            system (10%), or both, the smaller applying; 0 takes tasks however full the disk is [MR_MIN_FREE_SPACE].
            """,
            valueName: "size"
        )
    )
    var minFreeSpace: String =
        ProcessInfo.processInfo.environment["MR_MIN_FREE_SPACE"] ?? MinimumFreeSpace.default.description

    @Option(
        help: ArgumentHelp(
            "The most memory one attempt may allocate, e.g. 2g (RLIMIT_DATA); an attempt past it fails [MR_TASK_MEMORY].",
            valueName: "size"
        )
    )
    var taskMemory: String?

    @Option(help: "Log level: trace, debug, info, notice, warning, error [MR_LOG_LEVEL].")
    var logLevel: String = ProcessInfo.processInfo.environment["MR_LOG_LEVEL"] ?? "info"

    func run() async throws {
        let logger = DaemonLogging.logger(label: "tasktracker", level: logLevel)
        FileDescriptorLimit.raiseToHardLimit()
        // Tasks run as this user: keep them out of /proc/<pid>/environ, which holds MR_SECRET.
        if mr_forbid_inspection() != 0 {
            logger.warning("cannot make the tracker non-dumpable; its tasks may read its environment through /proc")
        }
        let environment = ProcessInfo.processInfo.environment
        let secret = try ClusterSecret.resolve(
            flag: nil,
            file: secretFile ?? environment["MR_SECRET_FILE"],
            environmentVariable: "MR_SECRET"
        )
        let advertiseHost = advertiseHost ?? environment["MR_ADVERTISE_HOST"]
        let sharedInput = sharedInput ?? environment["MR_SHARED_INPUT"]
        let address = try ClusterAddress(jobtracker)
        let minimumFreeSpace = try MinimumFreeSpace(parsing: minFreeSpace)
        let taskMemoryLimit = try (taskMemory ?? environment["MR_TASK_MEMORY"]).map {
            try Self.byteCount($0, option: "--task-memory")
        }
        let shuffleMemory = try (shuffleMemory ?? environment["MR_SHUFFLE_MEMORY"]).map { text in
            guard let bytes = TaskTrackerConfiguration.shuffleMemory(parsing: text) else {
                throw ValidationError("--shuffle-memory \(text): expected 0 or a size such as 64m")
            }
            return bytes
        }
        let registry = PrometheusCollectorRegistry()
        let tracker = try await TaskTracker.start(
            TaskTrackerConfiguration(
                jobTrackerHost: address.host,
                jobTrackerPort: address.port,
                host: host,
                advertiseHost: advertiseHost,
                shufflePort: shufflePort,
                slots: slots,
                workDirectory: workDir,
                sharedInputRoot: sharedInput,
                usesSharedFileSystems: !networkOnly,
                secret: secret,
                parallelFetches: parallelFetches,
                shuffleMergeFactor: shuffleMergeFactor,
                shuffleMemory: shuffleMemory,
                jobFileCacheSize: try Self.byteCount(jobFileCache, option: "--job-file-cache"),
                drainTimeout: .milliseconds(Int(drainTimeout * 1000)),
                metricsFactory: PrometheusMetricsFactory(registry: registry),
                minimumFreeSpace: minimumFreeSpace,
                taskMemoryLimit: taskMemoryLimit
            ),
            logger: logger
        )
        logger.info(
            "TaskTracker started",
            metadata: ["shuffle": "\(advertiseHost ?? host):\(tracker.shufflePort)", "slots": "\(slots)"]
        )
        let http = DaemonHTTPServer(
            host: host,
            port: httpPort,
            context: BasicRequestContext.self,
            readiness: { tracker.notReadyReason.map { .notReady($0) } ?? .ready },
            registry: registry,
            logger: logger
        )
        let group = ServiceGroup(
            services: [
                http.application { port in
                    logger.info("HTTP listening", metadata: ["host": "\(host)", "port": "\(port)"])
                },
                DaemonService(run: tracker.run, stop: tracker.stop),
            ],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger
        )
        try await group.run()
    }

    /// Parses a size flag such as `2g`.
    private static func byteCount(_ text: String, option: String) throws -> Int64 {
        guard let bytes = ByteCountText.parse(text) else {
            throw ValidationError("\(option) \(text): expected a positive size such as 2g")
        }
        return bytes
    }
}
