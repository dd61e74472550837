import Wire

/// What a tracker says of an attempt in a heartbeat.
public enum AttemptRunState: String, Sendable, WireCodable {
    case running
    case succeeded
    case failed
    /// Stopped by its own tracker, which is leaving the cluster: the attempt runs again elsewhere
    /// and does not count as a failure.
    case killed

    public func encode(to writer: inout WireWriter) {
        writer.writeString(rawValue)
    }

    public init(from reader: inout WireReader) throws {
        let text = try reader.readString()
        guard let state = AttemptRunState(rawValue: text) else {
            throw WireError.malformed("unknown attempt state \(text)")
        }
        self = state
    }
}
