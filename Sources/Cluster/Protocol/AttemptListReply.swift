import Wire

/// A job's attempts of its current (or last) phase.
public struct AttemptListReply: WireMessage {
    public static let messageType = ClusterMessages.attemptList

    /// The attempts, by task.
    public var attempts: [AttemptSummary]

    /// Creates the message.
    public init(attempts: [AttemptSummary]) {
        self.attempts = attempts
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(attempts)
    }

    public init(from reader: inout WireReader) throws {
        attempts = try reader.read([AttemptSummary].self)
    }
}
