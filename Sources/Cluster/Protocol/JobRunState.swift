import Wire

/// Where a job is in its life on a JobTracker.
public enum JobRunState: String, Sendable, Codable, WireCodable {
    case running
    case succeeded
    case failed
    case killed

    /// Whether the job has ended.
    public var isFinal: Bool { self != .running }

    public func encode(to writer: inout WireWriter) {
        writer.writeString(rawValue)
    }

    public init(from reader: inout WireReader) throws {
        let text = try reader.readString()
        guard let state = JobRunState(rawValue: text) else { throw WireError.malformed("unknown job state \(text)") }
        self = state
    }
}
