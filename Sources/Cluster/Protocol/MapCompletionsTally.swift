import Wire

/// What a ``MapCompletionsReply`` says less its locations: how many it holds, read past without
/// building them, for a reader that fetches no map output (mrsim's simulated reduces).
///
/// A reply to a reduce that starts late holds thousands of locations, each with an attempt id to
/// parse and strings to validate; a simulator that built them all would spend more of the
/// machine on reading replies than the JobTracker it measures spends on writing them.
public struct MapCompletionsTally: Sendable {
    /// How many locations the reply holds.
    public var locations: Int
    /// How many maps the phase has.
    public var mapCount: Int
    /// Non-empty when the job failed or was killed.
    public var failure: String

    /// Reads the response frame to a ``MapCompletionsRequest``, or throws the error an error
    /// frame carries.
    public init(_ frame: Frame) throws {
        if frame.type == .error {
            throw WireError.remote(try ErrorMessage(decoding: frame.payload))
        }
        guard frame.type == MapCompletionsReply.messageType else {
            throw WireError.unexpectedMessage(expected: MapCompletionsReply.messageType, received: frame.type)
        }
        var reader = WireReader(frame.payload)
        locations = try reader.readCount()
        for _ in 0..<locations { try MapOutputLocation.skip(in: &reader) }
        mapCount = try reader.read(Int.self)
        failure = try reader.read(String.self)
    }
}
