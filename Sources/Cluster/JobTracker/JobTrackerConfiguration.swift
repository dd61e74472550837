import CoreMetrics
import Foundation
import Wire

/// Where a JobTracker listens, where it keeps its files, and the cluster secret.
public struct JobTrackerConfiguration: Sendable {
    /// The address to bind.
    public var host: String
    /// The protocol port; 0 picks a free one.
    public var port: Int
    /// Where staging uploads, job files and the job history live (made absolute).
    public var dataDirectory: String
    /// The secret every peer must prove it knows.
    public var secret: ClusterSecret
    /// Scheduling and failure rules.
    public var settings: JobTrackerSettings
    /// The limits of the job-file store.
    public var jobFiles: JobFileStoreSettings
    /// The directories submissions may name as inputs and outputs: the data directory's areas
    /// (``AllowedPaths/defaults(dataDirectory:)``), where uploads and kept outputs live, and the
    /// given roots.
    public var allowedPaths: AllowedPaths
    /// How long the outputs of jobs that wrote into the data directory (those of `--cluster`
    /// clients, downloaded or not) are kept.
    public var outputRetention: Duration
    /// Where the JobTracker records its metrics; the default records nothing.
    public var metricsFactory: any MetricsFactory
    /// Whether the JobTracker keeps a journal in its data directory and resumes the jobs it was
    /// running when it starts again; off, a restart fails them. The `jobtracker` daemon turns it
    /// on unless given `--no-recover`; an embedded cluster, which dies with its client, needs none.
    public var recovers: Bool
    /// A fault for recovery tests: where the process SIGKILLs itself; nil for never.
    public var crashPoint: JobTrackerCrashPoint?
    /// How many journal records a heartbeat's reply may leave ahead of the journal's disk; past
    /// it, heartbeats wait for the group commit. Submissions, kills and output commits always wait.
    public var journalLagLimit = defaultJournalLagLimit

    /// The default ``journalLagLimit``: a few seconds of task commits at thousands a second.
    public static let defaultJournalLagLimit = 8192

    /// The documented default protocol port.
    public static let defaultPort = 9410
    /// The documented default port of the JobTracker's HTTP endpoint (health, metrics, console).
    public static let defaultHTTPPort = 9430

    /// Creates a configuration.
    public init(
        host: String,
        port: Int = defaultPort,
        dataDirectory: String,
        secret: ClusterSecret,
        settings: JobTrackerSettings = JobTrackerSettings(),
        jobFiles: JobFileStoreSettings = JobFileStoreSettings(),
        allowedPaths: [String]? = nil,
        outputRetention: Duration = .seconds(24 * 3600),
        metricsFactory: any MetricsFactory = NOOPMetricsHandler.instance,
        recovers: Bool = false
    ) {
        self.host = host
        self.port = port
        self.dataDirectory = URL(fileURLWithPath: dataDirectory).standardizedFileURL.path
        self.secret = secret
        self.settings = settings
        self.jobFiles = jobFiles
        let own = AllowedPaths.defaults(dataDirectory: self.dataDirectory)
        self.allowedPaths = allowedPaths.map { AllowedPaths(own.roots + $0) } ?? own
        self.outputRetention = outputRetention
        self.metricsFactory = metricsFactory
        self.recovers = recovers
    }
}
