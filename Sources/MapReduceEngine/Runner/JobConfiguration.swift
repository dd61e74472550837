import Foundation
import MapReduce

/// How to run one job: its inputs, output, task counts and buffer sizes.
public struct JobConfiguration: Sendable {
    /// The input files and directories.
    public var inputs: [String]
    /// The directory the job's text output appears in.
    public var outputPath: String
    /// The job's parameters.
    public var parameters: JobParameters
    /// The number of reduce tasks of phases whose count is configurable; 0 makes a map-only job.
    public var reducers: Int
    /// The target size of a text split, in bytes (Hadoop's block size role).
    public var splitSize: Int64
    /// The map output buffer's limit, in bytes.
    public var mapBufferSize: Int
    /// How many tasks run at once.
    public var slots: Int
    /// Where tasks keep intermediate files.
    public var workDirectory: String
    /// Whether an existing output directory may be replaced.
    public var replacesOutput: Bool
    /// The largest broadcast a phase may hand the next, in bytes.
    public var broadcastLimit: Int

    /// The default split size, 32 MiB.
    public static let defaultSplitSize: Int64 = 32 << 20
    /// The default map output buffer, 64 MiB.
    public static let defaultMapBufferSize = 64 << 20

    /// Creates a configuration with the documented defaults.
    public init(
        inputs: [String],
        outputPath: String,
        parameters: JobParameters = JobParameters(),
        reducers: Int? = nil,
        splitSize: Int64 = defaultSplitSize,
        mapBufferSize: Int = defaultMapBufferSize,
        slots: Int? = nil,
        workDirectory: String? = nil,
        replacesOutput: Bool = false,
        broadcastLimit: Int = 64 << 20
    ) {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        self.inputs = inputs
        self.outputPath = outputPath
        self.parameters = parameters
        self.slots = max(1, slots ?? cores)
        self.reducers = max(0, reducers ?? max(2, self.slots))
        self.splitSize = splitSize
        self.mapBufferSize = mapBufferSize
        self.workDirectory = workDirectory ?? ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp"
        self.replacesOutput = replacesOutput
        self.broadcastLimit = broadcastLimit
    }
}
