import Wire

/// The report of a job after a kill request.
public struct KillJobReply: WireMessage {
    public static let messageType = ClusterMessages.killJob

    /// The report.
    public var report: JobReport

    /// Creates the message.
    public init(report: JobReport) {
        self.report = report
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(report)
    }

    public init(from reader: inout WireReader) throws {
        report = try reader.read(JobReport.self)
    }
}
