import MapReduce
import MapReduceEngine
import Wire

/// What a tracker asks its task-runner child process to do: one map or reduce attempt on local files.
public struct TaskRunRequest: WireCodable, Equatable {
    /// The attempt, naming job, phase, kind and index.
    public var attempt: AttemptID
    /// The job's catalog name.
    public var jobName: String
    /// The job's parameters.
    public var parameters: JobParameters
    /// The previous phase's broadcast.
    public var broadcast: [UInt8]
    /// A map's splits, as absolute local paths.
    public var splits: [InputSplit]
    /// The phase's number of reduce tasks.
    public var reduceCount: Int
    /// The map output buffer.
    public var bufferLimit: Int
    /// A reduce's fetched segment files.
    public var inputPaths: [String]
    /// Where the records lie in each of them.
    public var inputSegments: [MapOutputSegment]
    /// Where a map writes its output file, or a reduce its part files.
    public var directory: String

    /// Creates the value.
    public init(attempt: AttemptID, jobName: String, parameters: JobParameters, broadcast: [UInt8], splits: [InputSplit], reduceCount: Int, bufferLimit: Int, inputPaths: [String], inputSegments: [MapOutputSegment], directory: String) {
        self.attempt = attempt
        self.jobName = jobName
        self.parameters = parameters
        self.broadcast = broadcast
        self.splits = splits
        self.reduceCount = reduceCount
        self.bufferLimit = bufferLimit
        self.inputPaths = inputPaths
        self.inputSegments = inputSegments
        self.directory = directory
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(attempt)
        writer.write(jobName)
        writer.write(parameters)
        writer.writeBytes(broadcast)
        writer.write(splits)
        writer.write(reduceCount)
        writer.write(bufferLimit)
        writer.write(inputPaths)
        writer.write(inputSegments)
        writer.write(directory)
    }

    public init(from reader: inout WireReader) throws {
        attempt = try reader.read(AttemptID.self)
        jobName = try reader.read(String.self)
        parameters = try reader.read(JobParameters.self)
        broadcast = try reader.readByteArray()
        splits = try reader.read([InputSplit].self)
        reduceCount = try reader.read(Int.self)
        bufferLimit = try reader.read(Int.self)
        inputPaths = try reader.read([String].self)
        inputSegments = try reader.read([MapOutputSegment].self)
        directory = try reader.read(String.self)
    }
}
