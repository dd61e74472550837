import Wire

/// Which of the asked-for files the job-file store holds, in the order asked.
public struct JobFileStatusReply: WireMessage {
    public static let messageType = ClusterMessages.jobFileStatus

    /// For each hash asked about, whether the store holds the file.
    public var present: [Bool]

    /// Creates the message.
    public init(present: [Bool]) {
        self.present = present
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(present)
    }

    public init(from reader: inout WireReader) throws {
        present = try reader.read([Bool].self)
    }
}
