import MapReduce
import Wire

/// An attempt the JobTracker gives a tracker to run.
public struct TaskAssignment: WireCodable, Equatable {
    /// The attempt, naming job, phase, kind and index.
    public var attempt: AttemptID
    /// The job's name in its binary.
    public var jobName: String
    /// The binary that runs the attempt.
    public var binary: JobBinary
    /// The job's parameters.
    public var parameters: JobParameters
    /// A map's splits; empty for a reduce.
    public var splits: [InputSplit]
    /// The phase's number of reduce tasks; 0 in a map-only job.
    public var reduceCount: Int
    /// The map output buffer.
    public var bufferLimit: Int
    /// The previous phase's broadcast.
    public var broadcast: [UInt8]
    /// The output directory on the JobTracker of a reduce, or of a map of a map-only job, where
    /// the attempt writes its files in place when the tracker sees `outputProbe` (a shared file
    /// system) instead of uploading them.
    public var outputDirectory: String
    /// The probe of the JobTracker's output file system; nil for a map whose output is shuffled.
    public var outputProbe: FileSystemProbe?
    /// For a setup task, how to plan the job; its splits are then the job's whole input files.
    public var setup: SetupSettings?
    /// The epoch of the JobTracker process that assigned it, which the attempt's reports carry back.
    public var epoch: UInt64

    /// Creates the value.
    public init(
        attempt: AttemptID,
        jobName: String,
        binary: JobBinary = .installed,
        parameters: JobParameters,
        splits: [InputSplit],
        reduceCount: Int,
        bufferLimit: Int,
        broadcast: [UInt8],
        outputDirectory: String = "",
        outputProbe: FileSystemProbe? = nil,
        setup: SetupSettings? = nil,
        epoch: UInt64 = 0
    ) {
        self.attempt = attempt
        self.jobName = jobName
        self.binary = binary
        self.parameters = parameters
        self.splits = splits
        self.reduceCount = reduceCount
        self.bufferLimit = bufferLimit
        self.broadcast = broadcast
        self.outputDirectory = outputDirectory
        self.outputProbe = outputProbe
        self.setup = setup
        self.epoch = epoch
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(attempt)
        writer.write(jobName)
        writer.write(binary)
        writer.write(parameters)
        writer.write(splits)
        writer.write(reduceCount)
        writer.write(bufferLimit)
        writer.writeBytes(broadcast)
        writer.write(outputDirectory)
        writer.write(outputProbe)
        writer.write(setup)
        writer.write(epoch)
    }

    public init(from reader: inout WireReader) throws {
        attempt = try reader.read(AttemptID.self)
        jobName = try reader.read(String.self)
        binary = try reader.read(JobBinary.self)
        parameters = try reader.read(JobParameters.self)
        splits = try reader.read([InputSplit].self)
        reduceCount = try reader.read(Int.self)
        bufferLimit = try reader.read(Int.self)
        broadcast = try reader.readByteArray()
        outputDirectory = try reader.read(String.self)
        outputProbe = try reader.read(FileSystemProbe?.self)
        setup = try reader.read(SetupSettings?.self)
        epoch = try reader.read(UInt64.self)
    }
}
