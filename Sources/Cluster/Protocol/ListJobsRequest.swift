import Wire

/// A client's request for every job the JobTracker knows, running and finished.
public struct ListJobsRequest: WireMessage {
    public static let messageType = ClusterMessages.listJobs

    /// Creates the message.
    public init() {
    }

    public func encode(to writer: inout WireWriter) {
    }

    public init(from reader: inout WireReader) throws {
    }
}
