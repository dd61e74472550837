import MapReduce
import Wire

/// One attempt as `mrsubmit logs` lists it.
public struct AttemptSummary: WireCodable, Equatable {
    /// The attempt.
    public var attempt: AttemptID
    /// running, succeeded, failed or killed.
    public var state: String
    /// The tracker that ran it.
    public var tracker: String
    /// Why it failed, or empty.
    public var failure: String

    /// Creates the value.
    public init(attempt: AttemptID, state: String, tracker: String, failure: String) {
        self.attempt = attempt
        self.state = state
        self.tracker = tracker
        self.failure = failure
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(attempt)
        writer.write(state)
        writer.write(tracker)
        writer.write(failure)
    }

    public init(from reader: inout WireReader) throws {
        attempt = try reader.read(AttemptID.self)
        state = try reader.read(String.self)
        tracker = try reader.read(String.self)
        failure = try reader.read(String.self)
    }
}
