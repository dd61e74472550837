import MapReduce
import Wire

/// A reduce attempt's request for map outputs that finished since it last asked.
public struct MapCompletionsRequest: WireMessage {
    public static let messageType = ClusterMessages.mapCompletions

    /// The job.
    public var job: JobID
    /// The phase.
    public var phase: Int
    /// How many locations it already has.
    public var from: Int

    /// Creates the message.
    public init(job: JobID, phase: Int, from: Int) {
        self.job = job
        self.phase = phase
        self.from = from
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(job)
        writer.write(phase)
        writer.write(from)
    }

    public init(from reader: inout WireReader) throws {
        job = try reader.read(JobID.self)
        phase = try reader.read(Int.self)
        from = try reader.read(Int.self)
    }
}
