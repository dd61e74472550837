import ArgumentParser
import Cluster
import Console
import DaemonHTTP
import Foundation
import Hummingbird
import Logging
import Prometheus
import ServiceLifecycle
import Wire

/// `jobtracker`: runs the JobTracker daemon until SIGTERM or SIGINT.
@main
struct JobTrackerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobtracker",
        abstract:
            "Run the swift-mapreduce JobTracker: accepts jobs, schedules tasks on TaskTrackers, re-runs lost work.",
        discussion: """
            Every option can also be set through the environment variable named after it (shown in brackets).
            The cluster secret comes from --secret-file, MR_SECRET, or MR_SECRET_FILE; trackers and clients must know it.
            """
    )

    @Option(help: "The address to listen on [MR_HOST].")
    var host: String = ProcessInfo.processInfo.environment["MR_HOST"] ?? "127.0.0.1"

    @Option(help: "The protocol port; 0 picks a free one [MR_PORT].")
    var port: Int = Int(ProcessInfo.processInfo.environment["MR_PORT"] ?? "") ?? JobTrackerConfiguration.defaultPort

    @Option(help: "The HTTP port for health, readiness and metrics; 0 picks a free one [MR_HTTP_PORT].")
    var httpPort: Int =
        Int(ProcessInfo.processInfo.environment["MR_HTTP_PORT"] ?? "") ?? JobTrackerConfiguration.defaultHTTPPort

    @Flag(
        help:
            "Ask for the console token even to read the web console; always so off loopback [MR_CONSOLE_REQUIRE_LOGIN=1]."
    )
    var consoleRequireLogin = ProcessInfo.processInfo.environment["MR_CONSOLE_REQUIRE_LOGIN"] == "1"

    @Option(
        help: ArgumentHelp(
            "The largest file the web console accepts, e.g. 64m [MR_CONSOLE_UPLOAD_LIMIT].",
            valueName: "size"
        )
    )
    var consoleUploadLimit: String = ProcessInfo.processInfo.environment["MR_CONSOLE_UPLOAD_LIMIT"] ?? "64m"

    @Option(
        help: ArgumentHelp(
            """
            A further name the web console answers to in the Host header, beside localhost and the bound address; \
            repeat it for more [MR_CONSOLE_HOST, comma-separated].
            """,
            valueName: "name"
        )
    )
    var consoleHost: [String] = (ProcessInfo.processInfo.environment["MR_CONSOLE_HOST"] ?? "").split(separator: ",").map
    {
        $0.trimmingCharacters(in: .whitespaces)
    }

    @Option(help: "Seconds the HTTP port waits for a request's head after its first byte [MR_CONSOLE_HEADER_TIMEOUT].")
    var consoleHeaderTimeout: Double = Self.seconds(
        "MR_CONSOLE_HEADER_TIMEOUT",
        HTTPConnectionLimits.default.headerTimeout
    )

    @Option(help: "Seconds the HTTP port waits for a request's whole body after its head [MR_CONSOLE_BODY_TIMEOUT].")
    var consoleBodyTimeout: Double = Self.seconds("MR_CONSOLE_BODY_TIMEOUT", HTTPConnectionLimits.default.bodyTimeout)

    @Option(help: "Seconds an HTTP connection may wait for its next request [MR_CONSOLE_IDLE_TIMEOUT].")
    var consoleIdleTimeout: Double = Self.seconds("MR_CONSOLE_IDLE_TIMEOUT", HTTPConnectionLimits.default.idleTimeout)

    @Option(
        help: """
            HTTP connections served at once, at most a quarter of the descriptor limit; more wait to be accepted \
            [MR_CONSOLE_MAX_CONNECTIONS].
            """
    )
    var consoleMaxConnections: Int =
        Int(ProcessInfo.processInfo.environment["MR_CONSOLE_MAX_CONNECTIONS"] ?? "")
        ?? HTTPConnectionLimits.default.maxConnections

    @Option(help: "Where staging uploads, job files and history are kept [MR_DATA_DIR].")
    var dataDir: String = ProcessInfo.processInfo.environment["MR_DATA_DIR"] ?? "./jobtracker-data"

    @Flag(
        inversion: .prefixedNo,
        help: """
            Keep a journal in the data directory and, on start, resume the jobs a previous JobTracker was running; \
            --no-recover fails them instead [MR_RECOVER=0 for --no-recover].
            """
    )
    var recover = ProcessInfo.processInfo.environment["MR_RECOVER"] != "0"

    @Option(help: .private)
    var crashAt: String?

    @Option(help: "A file holding the cluster secret [MR_SECRET_FILE].")
    var secretFile: String?

    @Option(help: "Seconds between heartbeats of an idle tracker [MR_HEARTBEAT_INTERVAL].")
    var heartbeatInterval: Double = Double(ProcessInfo.processInfo.environment["MR_HEARTBEAT_INTERVAL"] ?? "") ?? 1

    @Option(
        help:
            "Idle heartbeats per second the JobTracker budgets for: a larger cluster's interval grows, up to 5 s [MR_HEARTBEATS_PER_SECOND]."
    )
    var heartbeatsPerSecond: Int = Int(ProcessInfo.processInfo.environment["MR_HEARTBEATS_PER_SECOND"] ?? "") ?? 1000

    @Option(
        help:
            "Answers per second to the reduces' map-completion requests, all together: with many reduces, each is answered less often, at most 1 s apart [MR_MAP_COMPLETIONS_PER_SECOND]."
    )
    var mapCompletionsPerSecond: Int =
        Int(ProcessInfo.processInfo.environment["MR_MAP_COMPLETIONS_PER_SECOND"] ?? "") ?? 1000

    @Option(help: "Seconds of silence after which a tracker is lost and its work re-run [MR_TRACKER_EXPIRY].")
    var trackerExpiry: Double = Double(ProcessInfo.processInfo.environment["MR_TRACKER_EXPIRY"] ?? "") ?? 10

    @Option(help: "Attempts a task gets before its job fails [MR_MAX_ATTEMPTS].")
    var maxAttempts: Int = Int(ProcessInfo.processInfo.environment["MR_MAX_ATTEMPTS"] ?? "") ?? 4

    @Option(help: "Fraction of a phase's maps done before its reduces start [MR_REDUCE_SLOWSTART].")
    var reduceSlowstart: Double = Double(ProcessInfo.processInfo.environment["MR_REDUCE_SLOWSTART"] ?? "") ?? 0.05

    @Option(help: "Seconds an attempt may go without progress before it fails [MR_TASK_TIMEOUT].")
    var taskTimeout: Double = Double(ProcessInfo.processInfo.environment["MR_TASK_TIMEOUT"] ?? "") ?? 60

    @Flag(help: "Never start backup attempts for slow ones [MR_NO_SPECULATION=1].")
    var noSpeculation = ProcessInfo.processInfo.environment["MR_NO_SPECULATION"] == "1"

    @Option(help: "Seconds an attempt must run before it may get a backup [MR_SPECULATION_MIN_RUNTIME].")
    var speculationMinRuntime: Double =
        Double(ProcessInfo.processInfo.environment["MR_SPECULATION_MIN_RUNTIME"] ?? "") ?? 10

    @Option(
        help: ArgumentHelp(
            "A directory submissions may name as input or output on this host, beside the data directory's staging, console, inputs and outputs; repeatable [MR_ALLOWED_PATHS, colon-separated].",
            valueName: "dir"
        )
    )
    var allowedPath: [String] = []

    @Option(
        help:
            "Seconds the outputs of --cluster jobs are kept in the data directory, downloaded or not [MR_OUTPUT_RETENTION]."
    )
    var outputRetention: Double = Double(ProcessInfo.processInfo.environment["MR_OUTPUT_RETENTION"] ?? "") ?? 86_400

    @Option(help: "The most reduce tasks a job's phase may ask for [MR_MAX_REDUCERS].")
    var maxReducers: Int = Int(ProcessInfo.processInfo.environment["MR_MAX_REDUCERS"] ?? "") ?? 10_000

    @Option(help: "The most reduces a setup-planned phase gets when its job names none [MR_MAX_DEFAULT_REDUCERS].")
    var maxDefaultReducers: Int = Int(ProcessInfo.processInfo.environment["MR_MAX_DEFAULT_REDUCERS"] ?? "") ?? 100

    @Option(help: "The most tasks (maps and reduces of all phases) a job may have [MR_MAX_TASKS].")
    var maxTasks: Int = Int(ProcessInfo.processInfo.environment["MR_MAX_TASKS"] ?? "") ?? 200_000

    @Option(
        help: ArgumentHelp(
            "The largest job file (a shipped binary) clients may upload, e.g. 512m [MR_JOB_FILE_LIMIT].",
            valueName: "size"
        )
    )
    var jobFileLimit: String = ProcessInfo.processInfo.environment["MR_JOB_FILE_LIMIT"] ?? "512m"

    @Option(
        help: ArgumentHelp("The most bytes the job-file store keeps, e.g. 10g [MR_JOB_FILE_QUOTA].", valueName: "size")
    )
    var jobFileQuota: String = ProcessInfo.processInfo.environment["MR_JOB_FILE_QUOTA"] ?? "10g"

    @Option(help: "Seconds a job file no running job uses is kept after its last use [MR_JOB_FILE_RETENTION].")
    var jobFileRetention: Double = Double(ProcessInfo.processInfo.environment["MR_JOB_FILE_RETENTION"] ?? "") ?? 3600

    @Option(help: "Log level: trace, debug, info, notice, warning, error [MR_LOG_LEVEL].")
    var logLevel: String = ProcessInfo.processInfo.environment["MR_LOG_LEVEL"] ?? "info"

    /// The `--allowed-path` directories, else `MR_ALLOWED_PATHS`, else nil for the defaults.
    private var allowedPaths: [String]? {
        if !allowedPath.isEmpty { return allowedPath }
        let listed = (ProcessInfo.processInfo.environment["MR_ALLOWED_PATHS"] ?? "").split(separator: ":").map(
            String.init
        )
        return listed.isEmpty ? nil : listed
    }

    func run() async throws {
        let logger = DaemonLogging.logger(label: "jobtracker", level: logLevel)
        let descriptors = FileDescriptorLimit.raiseToHardLimit()
        let secret = try ClusterSecret.resolve(
            flag: nil,
            file: secretFile ?? ProcessInfo.processInfo.environment["MR_SECRET_FILE"],
            environmentVariable: "MR_SECRET"
        )
        let settings = JobTrackerSettings(
            heartbeatInterval: .milliseconds(Int(heartbeatInterval * 1000)),
            heartbeatsPerSecond: heartbeatsPerSecond,
            mapCompletionAnswersPerSecond: mapCompletionsPerSecond,
            trackerExpiry: .milliseconds(Int(trackerExpiry * 1000)),
            maxAttempts: maxAttempts,
            reduceSlowstart: reduceSlowstart,
            taskTimeout: .milliseconds(Int(taskTimeout * 1000)),
            speculation: !noSpeculation,
            speculationMinimumRuntime: .milliseconds(Int(speculationMinRuntime * 1000)),
            maximumDefaultReducers: maxDefaultReducers,
            limits: SubmissionLimits(maximumReducers: maxReducers, maximumTasks: maxTasks)
        )
        let registry = PrometheusCollectorRegistry()
        var metricsFactory = PrometheusMetricsFactory(registry: registry)
        metricsFactory.durationHistogramBuckets = JobTracker.histogramBuckets
        var configuration = JobTrackerConfiguration(
            host: host,
            port: port,
            dataDirectory: dataDir,
            secret: secret,
            settings: settings,
            jobFiles: JobFileStoreSettings(
                maximumFileSize: try Self.byteCount(jobFileLimit, option: "--job-file-limit"),
                quota: try Self.byteCount(jobFileQuota, option: "--job-file-quota"),
                retention: .milliseconds(Int(jobFileRetention * 1000))
            ),
            allowedPaths: allowedPaths,
            outputRetention: .milliseconds(Int(outputRetention * 1000)),
            metricsFactory: metricsFactory,
            recovers: recover
        )
        if let crashAt {
            guard let point = JobTrackerCrashPoint(rawValue: crashAt) else {
                throw ValidationError("--crash-at \(crashAt): expected before-job-commit or after-phase-start")
            }
            configuration.crashPoint = point
        }
        let server = try await JobTrackerServer.bind(configuration, logger: logger)
        logger.info(
            "JobTracker listening",
            metadata: ["host": "\(host)", "port": "\(server.port)", "data": "\(dataDir)"]
        )
        let token = ConsoleConfiguration.token(for: secret)
        let console = try Console(
            tracker: server.tracker,
            configuration: ConsoleConfiguration(
                dataDirectory: dataDir,
                token: token,
                requiresLoginToRead: consoleRequireLogin || ConsoleAuth.requiresLogin(forBindHost: host),
                uploadLimit: try Self.byteCount(consoleUploadLimit, option: "--console-upload-limit"),
                allowedHosts: AllowedHosts(bindHost: host, names: consoleHost)
            )
        )
        logger.notice(
            "console token (sign in at /login; also `mrsubmit console-token`)",
            metadata: ["token": "\(token)"]
        )
        let limits = HTTPConnectionLimits(
            headerTimeout: .milliseconds(Int(consoleHeaderTimeout * 1000)),
            bodyTimeout: .milliseconds(Int(consoleBodyTimeout * 1000)),
            idleTimeout: .milliseconds(Int(consoleIdleTimeout * 1000)),
            maxConnections: consoleMaxConnections
        )
        logger.info(
            "HTTP limits",
            metadata: [
                "max-connections": "\(limits.connectionCap(descriptorLimit: descriptors))",
                "descriptors": "\(descriptors)",
            ]
        )
        let http = DaemonHTTPServer(
            host: host,
            port: httpPort,
            context: BasicRequestContext.self,
            readiness: { .ready },
            registry: registry,
            logger: logger,
            limits: limits,
            addRoutes: console.addRoutes
        )
        let group = ServiceGroup(
            services: [
                http.application { port in
                    logger.info("HTTP listening", metadata: ["host": "\(host)", "port": "\(port)"])
                },
                DaemonService(run: server.run, stop: server.close),
            ],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger
        )
        try await group.run()
    }

    /// Parses a size flag such as `64m`.
    private static func byteCount(_ text: String, option: String) throws -> Int64 {
        guard let bytes = ByteCountText.parse(text) else {
            throw ValidationError("\(option) \(text): expected a positive size such as 64m")
        }
        return bytes
    }

    /// The seconds in environment variable `name`, else `fallback`'s.
    private static func seconds(_ name: String, _ fallback: Duration) -> Double {
        Double(ProcessInfo.processInfo.environment[name] ?? "") ?? Double(fallback.components.seconds)
    }
}
