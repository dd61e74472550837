import Wire

/// What a tracker says of an attempt in a heartbeat.
public enum AttemptRunState: String, Sendable, WireCodable {
    case running
    case succeeded
    case failed

    public func encode(to writer: inout WireWriter) {
        writer.writeString(rawValue)
    }

    public init(from reader: inout WireReader) throws {
        let text = try reader.readString()
        guard let state = AttemptRunState(rawValue: text) else { throw WireError.malformed("unknown attempt state \(text)") }
        self = state
    }
}
