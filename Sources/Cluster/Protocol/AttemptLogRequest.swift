import MapReduce
import Wire

/// A request for an attempt's full standard error log; its bytes follow the reply as a stream.
public struct AttemptLogRequest: WireMessage {
    public static let messageType = ClusterMessages.attemptLog

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
