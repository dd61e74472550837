import Wire

/// The JobTracker's side of a ``MapCompletionsReply``: the same bytes on the wire, written from
/// locations encoded once (``EncodedMapOutputLocation``) with the asking reduce's segment only.
struct MapCompletionsAnswer: WireMessage {
    static let messageType = ClusterMessages.mapCompletions

    /// Locations from the asked index on, sharing the phase's log.
    var locations: Slice<MapCompletionLog>
    /// The asking reduce's partition: the segment each location carries.
    var partition: Int
    /// How many maps the phase has.
    var mapCount: Int
    /// Non-empty when the job failed or was killed: the reduce should stop.
    var failure: String

    /// Creates the message.
    init(locations: Slice<MapCompletionLog>, partition: Int, mapCount: Int, failure: String) {
        self.locations = locations
        self.partition = partition
        self.mapCount = mapCount
        self.failure = failure
    }

    func encode(to writer: inout WireWriter) {
        writer.writeCount(locations.count)
        for location in locations { location.encode(forPartition: partition, to: &writer) }
        writer.write(mapCount)
        writer.write(failure)
    }

    /// Reads a ``MapCompletionsReply``: each location holds the one segment it was sent with, as
    /// partition 0.
    init(from reader: inout WireReader) throws {
        let reply = try MapCompletionsReply(from: &reader)
        self.init(
            locations: MapCompletionLog(reply.locations.map(EncodedMapOutputLocation.init))[...],
            partition: 0,
            mapCount: reply.mapCount,
            failure: reply.failure
        )
    }
}
