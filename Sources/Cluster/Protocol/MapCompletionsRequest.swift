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
    /// Map attempts whose output the reduce could not fetch, reported once each.
    public var unreachable: [AttemptID]
    /// The reduce attempt asking.
    public var reduce: AttemptID

    /// Creates the message.
    public init(job: JobID, phase: Int, from: Int, unreachable: [AttemptID], reduce: AttemptID) {
        self.job = job
        self.phase = phase
        self.from = from
        self.unreachable = unreachable
        self.reduce = reduce
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(job)
        writer.write(phase)
        writer.write(from)
        writer.write(unreachable)
        writer.write(reduce)
    }

    public init(from reader: inout WireReader) throws {
        job = try reader.read(JobID.self)
        phase = try reader.read(Int.self)
        from = try reader.read(Int.self)
        unreachable = try reader.read([AttemptID].self)
        reduce = try reader.read(AttemptID.self)
    }
}
