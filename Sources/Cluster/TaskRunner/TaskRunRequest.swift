import MapReduce
import MapReduceEngine
import NIOCore
import Wire

/// What a tracker asks a job binary to do: one setup, map or reduce attempt on local files.
///
/// Encoded in the request file after the ``TaskRunnerProtocol`` version, which ``write(to:)``
/// writes and ``read(from:)`` checks.
public struct TaskRunRequest: WireCodable, Equatable {
    /// The attempt, naming job, phase, kind and index.
    public var attempt: AttemptID
    /// The job's name in the binary.
    public var jobName: String
    /// The job's parameters.
    public var parameters: JobParameters
    /// The previous phase's broadcast.
    public var broadcast: [UInt8]
    /// A map's splits, as absolute local paths; a setup task's whole input files.
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
    /// For a setup task, how to plan the job.
    public var setup: SetupSettings?

    /// Creates the value.
    public init(
        attempt: AttemptID,
        jobName: String,
        parameters: JobParameters,
        broadcast: [UInt8],
        splits: [InputSplit],
        reduceCount: Int,
        bufferLimit: Int,
        inputPaths: [String],
        inputSegments: [MapOutputSegment],
        directory: String,
        setup: SetupSettings? = nil
    ) {
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
        self.setup = setup
    }

    public func encode(to writer: inout WireWriter) {
        encodeFieldsBeforeSetup(to: &writer)
        writer.write(setup)
    }

    private func encodeFieldsBeforeSetup(to writer: inout WireWriter) {
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
        setup = try reader.read(SetupSettings?.self)
    }

    /// Writes the request file: the protocol version (big-endian `u16`), then the request.
    ///
    /// Version 1 encoded a setup task's reducers as an integer, 0 for the cluster's default, and
    /// had no map-only tasks, which a binary of that version would run as maps into 0 partitions.
    func write(to path: String, version: UInt16 = TaskRunnerProtocol.version) throws {
        var writer = WireWriter()
        writer.writeInteger(version)
        if version == 1 {
            if attempt.task.kind == .map, reduceCount == 0 {
                throw InputError(
                    path: jobName,
                    problem: "a map-only job (--reducers 0) needs a job binary built with task-runner protocol 2"
                )
            }
            encodeFieldsBeforeSetup(to: &writer)
            writer.writeBool(setup != nil)
            setup?.encodeVersionOne(to: &writer)
        } else {
            writer.write(self)
        }
        let file = try BufferedFileWriter(path: path)
        try file.write(Array(buffer: writer.buffer))
        try file.close()
    }

    /// Reads a request file, refusing one written in a version this build does not speak.
    static func read(from path: String) throws -> TaskRunRequest {
        let file = try FileReadHandle(path: path)
        var reader = WireReader(ByteBuffer(bytes: try file.readExactly(Int(file.size), at: 0)))
        let version = try reader.readInteger(as: UInt16.self)
        guard version == TaskRunnerProtocol.version else {
            throw InputError(
                path: path,
                problem:
                    "task-runner protocol version \(version); this job binary speaks version \(TaskRunnerProtocol.version)"
            )
        }
        return try reader.read(TaskRunRequest.self)
    }
}
