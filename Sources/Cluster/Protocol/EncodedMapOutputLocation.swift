import Wire

/// A map output's location with its wire form encoded once, for the many reduces that ask for it.
///
/// Every reduce of a phase asks for every map's location, so a JobTracker with R reduces encodes
/// each location R times. The wire form of a ``MapOutputLocation`` is split around its segments:
///
/// ```
/// +----------------------------------+-----------------------+------------------------+
/// | head: map index, attempt id,     | segments: count, then | tail: path, probe      |
/// |       host, port                 | the asking reduce's   |                        |
/// +----------------------------------+-----------------------+------------------------+
/// ```
///
/// The head and tail are encoded when the map finishes; a reply copies them and writes only the
/// asking reduce's segment between, the same bytes ``MapOutputLocation/encode(to:)`` would write
/// for a location holding that one segment.
///
/// A class, so that an answer reading thousands of them out of the phase's log retains each once,
/// rather than every string and array of its location.
final class EncodedMapOutputLocation: Sendable {
    /// The location.
    let location: MapOutputLocation
    private let head: [UInt8]
    private let tail: [UInt8]

    /// Encodes the parts of `location` that every reduce gets.
    init(_ location: MapOutputLocation) {
        self.location = location
        var writer = WireWriter(capacity: 128)
        writer.write(location.mapIndex)
        writer.write(location.attempt)
        writer.write(location.host)
        writer.write(location.port)
        head = Array(writer.buffer.readableBytesView)
        writer = WireWriter(capacity: 128)
        writer.write(location.path)
        writer.write(location.probe)
        tail = Array(writer.buffer.readableBytesView)
    }

    /// Appends the location as reduce `partition` gets it: with its segment of the output only,
    /// or with none when the map output has no such segment.
    func encode(forPartition partition: Int, to writer: inout WireWriter) {
        writer.writeRawBytes(head)
        if location.segments.indices.contains(partition) {
            writer.writeCount(1)
            writer.write(location.segments[partition])
        } else {
            writer.writeCount(0)
        }
        writer.writeRawBytes(tail)
    }
}
