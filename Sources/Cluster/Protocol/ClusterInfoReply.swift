import MapReduce
import Wire

/// What a client needs to know of the cluster to plan a job the way the JobTracker would.
public struct ClusterInfoReply: WireMessage, Equatable {
    public static let messageType = ClusterMessages.clusterInfo

    /// The slots of the trackers that take tasks.
    public var slots: Int
    /// The registered trackers.
    public var trackers: Int
    /// The jobs of the trackers' installed job binary, in the order the first tracker listed them.
    public var installedJobs: [JobDescriptor]
    /// The bounds the JobTracker puts on submissions, which the client checks before uploading.
    public var limits: SubmissionLimits

    /// Creates the message.
    public init(slots: Int, trackers: Int, installedJobs: [JobDescriptor], limits: SubmissionLimits) {
        self.slots = slots
        self.trackers = trackers
        self.installedJobs = installedJobs
        self.limits = limits
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(slots)
        writer.write(trackers)
        writer.write(installedJobs)
        writer.write(limits.maximumReducers)
        writer.write(limits.maximumTasks)
    }

    public init(from reader: inout WireReader) throws {
        slots = try reader.read(Int.self)
        trackers = try reader.read(Int.self)
        installedJobs = try reader.read([JobDescriptor].self)
        limits = SubmissionLimits(maximumReducers: try reader.read(Int.self), maximumTasks: try reader.read(Int.self))
    }
}
