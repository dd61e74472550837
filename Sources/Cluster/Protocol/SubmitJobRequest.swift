import MapReduce
import MapReduceEngine
import Wire

/// A client's request to run a job: which binary and job, its parameters, inputs and output, and
/// usually its plan.
///
/// A client that can read the inputs plans the job itself (``plan``) with the job's code, as
/// Hadoop's JobClient computes splits; without a plan the JobTracker runs a setup task on a
/// tracker, from the job's binary, to make one.
public struct SubmitJobRequest: WireMessage {
    public static let messageType = ClusterMessages.submitJob

    /// The job's name in its binary.
    public var job: String
    /// The binary whose code runs the job's tasks.
    public var binary: JobBinary
    /// The job's parameters.
    public var parameters: JobParameters
    /// Input paths as the JobTracker sees them.
    public var inputs: [String]
    /// The output directory on the JobTracker's file system; empty for one under its data directory.
    public var outputPath: String
    /// Reduce tasks of configurable phases; 0 for a map-only job, nil for the cluster's default.
    public var reducers: Int?
    /// The largest split, in bytes.
    public var splitSize: Int64
    /// The map output buffer, in bytes.
    public var mapBufferSize: Int
    /// Whether an existing output may be replaced.
    public var replacesOutput: Bool
    /// The job's plan, with split paths as the JobTracker sees them; nil to have a setup task make it.
    public var plan: JobPlan?

    /// Creates the message.
    public init(
        job: String,
        binary: JobBinary = .installed,
        parameters: JobParameters,
        inputs: [String],
        outputPath: String,
        reducers: Int?,
        splitSize: Int64,
        mapBufferSize: Int,
        replacesOutput: Bool,
        plan: JobPlan? = nil
    ) {
        self.job = job
        self.binary = binary
        self.parameters = parameters
        self.inputs = inputs
        self.outputPath = outputPath
        self.reducers = reducers
        self.splitSize = splitSize
        self.mapBufferSize = mapBufferSize
        self.replacesOutput = replacesOutput
        self.plan = plan
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(job)
        writer.write(binary)
        writer.write(parameters)
        writer.write(inputs)
        writer.write(outputPath)
        writer.write(reducers)
        writer.write(splitSize)
        writer.write(mapBufferSize)
        writer.write(replacesOutput)
        writer.write(plan)
    }

    public init(from reader: inout WireReader) throws {
        job = try reader.read(String.self)
        binary = try reader.read(JobBinary.self)
        parameters = try reader.read(JobParameters.self)
        inputs = try reader.read([String].self)
        outputPath = try reader.read(String.self)
        reducers = try reader.read(Int?.self)
        splitSize = try reader.read(Int64.self)
        mapBufferSize = try reader.read(Int.self)
        replacesOutput = try reader.read(Bool.self)
        plan = try reader.read(JobPlan?.self)
    }
}
