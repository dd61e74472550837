import MapReduce
import Wire

/// The header of a reduce attempt's upload of one output file to the JobTracker; bytes follow as a stream.
public struct CommitOutputRequest: WireMessage {
    public static let messageType = ClusterMessages.commitOutput

    /// The attempt.
    public var attempt: AttemptID
    /// The file's name.
    public var file: String

    /// Creates the message.
    public init(attempt: AttemptID, file: String) {
        self.attempt = attempt
        self.file = file
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(attempt)
        writer.write(file)
    }

    public init(from reader: inout WireReader) throws {
        attempt = try reader.read(AttemptID.self)
        file = try reader.read(String.self)
    }
}
