import MapReduce
import Wire

/// The JobTracker's request to a tracker for an attempt's log; the bytes follow the reply
/// (an ``AttemptLogReply``) as a stream.
public struct FetchAttemptLogRequest: WireMessage {
    public static let messageType = ClusterMessages.fetchAttemptLog

    /// The attempt.
    public var attempt: AttemptID

    /// Creates the message.
    public init(attempt: AttemptID) {
        self.attempt = attempt
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(attempt)
    }

    public init(from reader: inout WireReader) throws {
        attempt = try reader.read(AttemptID.self)
    }
}
