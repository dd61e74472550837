import MapReduce
import Wire

/// A reduce's request for one partition of a map output; the segment's bytes follow as a stream.
public struct FetchMapOutputRequest: WireMessage {
    public static let messageType = ClusterMessages.fetchMapOutput

    /// The map attempt.
    public var attempt: AttemptID
    /// The reduce partition.
    public var partition: Int

    /// Creates the message.
    public init(attempt: AttemptID, partition: Int) {
        self.attempt = attempt
        self.partition = partition
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(attempt)
        writer.write(partition)
    }

    public init(from reader: inout WireReader) throws {
        attempt = try reader.read(AttemptID.self)
        partition = try reader.read(Int.self)
    }
}
