import Wire

/// Map outputs a reduce can fetch, in completion order, each with only the asking reduce's
/// segment: a location's other partitions would make every reply as large as the reduce count
/// times the maps, to every reduce.
public struct MapCompletionsReply: WireMessage {
    public static let messageType = ClusterMessages.mapCompletions

    /// Locations from `from` on, each with one segment (the asking reduce's) or none (a map
    /// without one, as in a simulated cluster).
    public var locations: [MapOutputLocation]
    /// How many maps the phase has.
    public var mapCount: Int
    /// Non-empty when the job failed or was killed: the reduce should stop.
    public var failure: String

    /// Creates the message.
    public init(locations: [MapOutputLocation], mapCount: Int, failure: String) {
        self.locations = locations
        self.mapCount = mapCount
        self.failure = failure
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(locations)
        writer.write(mapCount)
        writer.write(failure)
    }

    public init(from reader: inout WireReader) throws {
        locations = try reader.read([MapOutputLocation].self)
        mapCount = try reader.read(Int.self)
        failure = try reader.read(String.self)
    }
}
