import Wire

/// The JobTracker's acknowledgement that a job file is stored and its hash checked.
public struct UploadJobFileReply: WireMessage {
    public static let messageType = ClusterMessages.uploadJobFile

    /// Creates the message.
    public init() {}

    public func encode(to writer: inout WireWriter) {}

    public init(from reader: inout WireReader) throws {}
}
