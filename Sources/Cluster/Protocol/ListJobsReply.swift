import Wire

/// Every job's report, oldest first.
public struct ListJobsReply: WireMessage {
    public static let messageType = ClusterMessages.listJobs

    /// The reports.
    public var jobs: [JobReport]

    /// Creates the message.
    public init(jobs: [JobReport]) {
        self.jobs = jobs
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(jobs)
    }

    public init(from reader: inout WireReader) throws {
        jobs = try reader.read([JobReport].self)
    }
}
