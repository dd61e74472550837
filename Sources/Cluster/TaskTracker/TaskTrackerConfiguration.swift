import CoreMetrics
import Foundation
import MapReduceEngine
import Wire

/// Where a TaskTracker finds its JobTracker, how others reach it, and what it may run.
public struct TaskTrackerConfiguration: Sendable {
    /// The JobTracker's host.
    public var jobTrackerHost: String
    /// The JobTracker's protocol port.
    public var jobTrackerPort: Int
    /// The address the shuffle server binds.
    public var host: String
    /// The address other trackers reach this one at (defaults to `host`).
    public var advertiseHost: String
    /// The shuffle server's port; 0 picks a free one.
    public var shufflePort: Int
    /// How many tasks run at once.
    public var slots: Int
    /// Where attempts keep their files (made absolute: attempts run in their own directories).
    public var workDirectory: String
    /// Input paths under this prefix are read from the local disk (a volume shared with the
    /// JobTracker); others are fetched from the JobTracker. nil fetches everything.
    public var sharedInputRoot: String?
    /// Whether reduces read map outputs and write their output in place when a file-system probe
    /// shows that they can; false always goes over the network, as between separate machines.
    public var usesSharedFileSystems: Bool
    /// The cluster secret.
    public var secret: ClusterSecret
    /// This tracker's node id.
    public var trackerID: String
    /// How many map outputs a reduce fetches at once.
    public var parallelFetches: Int
    /// How many runs of consecutive maps' segments a fetching reduce merges into one file on disk
    /// while it fetches the rest (Hadoop's `io.sort.factor`; each merge holds that many read buffers).
    public var shuffleMergeFactor: Int
    /// The bytes of fetched map output segments each fetching reduce may keep in memory
    /// (``ShuffleMemory``, Hadoop's `mapreduce.reduce.shuffle.input.buffer.percent`); a segment
    /// larger than a quarter of it goes to disk. The fetch runs in the tracker, which holds up to
    /// this much per reduce slot. Zero writes every fetched segment to disk.
    public var shuffleMemory: Int64
    /// The installed job binary, which runs the attempts of built-in jobs (`mrtask`).
    public var taskRunnerPath: String
    /// What the installed job binary holds, when the tracker's program knows it (the embedded
    /// cluster's program is the binary); nil to ask the binary when the tracker starts.
    public var installedDescription: BinaryDescription?
    /// The most bytes of shipped job files (binaries and their files) the tracker keeps.
    public var jobFileCacheSize: Int64
    /// How long ``TaskTracker/stop()`` lets running attempts finish and keeps serving needed map
    /// outputs before it hands the attempts back and leaves.
    public var drainTimeout: Duration
    /// Where the tracker records its metrics; the default records nothing.
    public var metricsFactory: any MetricsFactory
    /// The free space the work directory needs before the tracker takes new tasks.
    public var minimumFreeSpace: MinimumFreeSpace
    /// The most memory each attempt may allocate (``TaskMemoryLimit``), in bytes; nil sets no limit.
    public var taskMemoryLimit: Int64?

    /// The documented default shuffle port.
    public static let defaultShufflePort = 9420
    /// The documented default port of a TaskTracker's HTTP endpoint (health and metrics).
    public static let defaultHTTPPort = 9440
    /// The documented default drain time of a stopping tracker.
    public static let defaultDrainTimeout = Duration.seconds(25)
    /// The documented default shuffle memory of a reduce when attempts have no memory limit, 64 MiB.
    public static let defaultShuffleMemory: Int64 = 64 << 20
    /// The documented default size cap of the job-file cache, 2 GiB.
    public static let defaultJobFileCacheSize: Int64 = 2 << 30

    /// Creates a configuration; the tracker id defaults to `advertiseHost:shufflePort` plus the process id.
    public init(
        jobTrackerHost: String,
        jobTrackerPort: Int,
        host: String,
        advertiseHost: String? = nil,
        shufflePort: Int = defaultShufflePort,
        slots: Int = ProcessInfo.processInfo.activeProcessorCount,
        workDirectory: String,
        sharedInputRoot: String? = nil,
        usesSharedFileSystems: Bool = true,
        secret: ClusterSecret,
        trackerID: String? = nil,
        parallelFetches: Int = 4,
        shuffleMergeFactor: Int = ShuffleMerger.defaultFactor,
        shuffleMemory: Int64? = nil,
        taskRunnerPath: String? = nil,
        installedDescription: BinaryDescription? = nil,
        jobFileCacheSize: Int64 = defaultJobFileCacheSize,
        drainTimeout: Duration = defaultDrainTimeout,
        metricsFactory: any MetricsFactory = NOOPMetricsHandler.instance,
        minimumFreeSpace: MinimumFreeSpace = .default,
        taskMemoryLimit: Int64? = nil
    ) {
        self.jobTrackerHost = jobTrackerHost
        self.jobTrackerPort = jobTrackerPort
        self.host = host
        self.advertiseHost = advertiseHost ?? host
        self.shufflePort = shufflePort
        self.slots = max(1, slots)
        self.workDirectory = URL(fileURLWithPath: workDirectory).standardizedFileURL.path
        self.sharedInputRoot = sharedInputRoot
        self.usesSharedFileSystems = usesSharedFileSystems
        self.secret = secret
        self.trackerID =
            trackerID
            ?? "tracker-\(advertiseHost ?? host)-\(ProcessInfo.processInfo.processIdentifier)-\(UInt16.random(in: 0...UInt16.max))"
        self.parallelFetches = max(1, parallelFetches)
        self.shuffleMergeFactor = max(2, shuffleMergeFactor)
        self.shuffleMemory = max(0, shuffleMemory ?? Self.shuffleMemory(forTaskMemoryLimit: taskMemoryLimit))
        self.taskRunnerPath = taskRunnerPath ?? Self.siblingExecutable("mrtask")
        self.installedDescription = installedDescription
        self.jobFileCacheSize = jobFileCacheSize
        self.drainTimeout = max(.zero, drainTimeout)
        self.metricsFactory = metricsFactory
        self.minimumFreeSpace = minimumFreeSpace
        self.taskMemoryLimit = taskMemoryLimit
    }

    /// A reduce's default shuffle memory: a quarter of the attempts' memory limit, or
    /// ``defaultShuffleMemory`` when they have none.
    public static func shuffleMemory(forTaskMemoryLimit limit: Int64?) -> Int64 {
        limit.map { $0 / 4 } ?? defaultShuffleMemory
    }

    /// Parses a shuffle memory flag: a size such as `64m`, or `0` for none.
    public static func shuffleMemory(parsing text: String) -> Int64? {
        text == "0" ? 0 : ByteCountText.parse(text)
    }

    /// The path of `name` in the directory of the running executable (`MR_TASK_RUNNER` overrides it).
    public static func siblingExecutable(_ name: String) -> String {
        if let path = ProcessInfo.processInfo.environment["MR_TASK_RUNNER"] { return path }
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let sibling = executable.deletingLastPathComponent().appendingPathComponent(name).path
        if FileManager.default.isExecutableFile(atPath: sibling) { return sibling }
        let onPath = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { "\($0)/\(name)" }
        return onPath.first { FileManager.default.isExecutableFile(atPath: $0) } ?? sibling
    }
}
