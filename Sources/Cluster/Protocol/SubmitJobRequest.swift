import MapReduce
import Wire

/// A client's request to run a job of the catalog.
public struct SubmitJobRequest: WireMessage {
    public static let messageType = ClusterMessages.submitJob

    /// The job's catalog name.
    public var job: String
    /// The job's parameters.
    public var parameters: JobParameters
    /// Input paths as the JobTracker sees them.
    public var inputs: [String]
    /// The output directory on the JobTracker's file system.
    public var outputPath: String
    /// Reduce tasks of configurable phases; 0 for the cluster's default.
    public var reducers: Int
    /// The largest split, in bytes.
    public var splitSize: Int64
    /// The map output buffer, in bytes.
    public var mapBufferSize: Int
    /// Whether an existing output may be replaced.
    public var replacesOutput: Bool

    /// Creates the message.
    public init(job: String, parameters: JobParameters, inputs: [String], outputPath: String, reducers: Int, splitSize: Int64, mapBufferSize: Int, replacesOutput: Bool) {
        self.job = job
        self.parameters = parameters
        self.inputs = inputs
        self.outputPath = outputPath
        self.reducers = reducers
        self.splitSize = splitSize
        self.mapBufferSize = mapBufferSize
        self.replacesOutput = replacesOutput
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(job)
        writer.write(parameters)
        writer.write(inputs)
        writer.write(outputPath)
        writer.write(reducers)
        writer.write(splitSize)
        writer.write(mapBufferSize)
        writer.write(replacesOutput)
    }

    public init(from reader: inout WireReader) throws {
        job = try reader.read(String.self)
        parameters = try reader.read(JobParameters.self)
        inputs = try reader.read([String].self)
        outputPath = try reader.read(String.self)
        reducers = try reader.read(Int.self)
        splitSize = try reader.read(Int64.self)
        mapBufferSize = try reader.read(Int.self)
        replacesOutput = try reader.read(Bool.self)
    }
}
