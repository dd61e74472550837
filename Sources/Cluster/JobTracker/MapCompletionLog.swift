/// A phase's finished map outputs in completion order, kept in chunks of fixed length.
///
/// Every reduce's answer holds a run of the log until it is sent, while maps keep finishing. With
/// one array, each append after an answer was taken copied every location of the phase (or each
/// answer copied its run first). In chunks, an answer shares the chunks it reads, and the next
/// append copies only the outer array and the last chunk.
struct MapCompletionLog: RandomAccessCollection, Sendable {
    /// How many locations a chunk holds.
    static let chunkLength = 1024

    private var chunks: [[EncodedMapOutputLocation]] = []
    private(set) var endIndex = 0

    /// An empty log.
    init() {}

    /// A log of `locations`, in order.
    init(_ locations: some Sequence<EncodedMapOutputLocation>) {
        for location in locations { append(location) }
    }

    var startIndex: Int { 0 }

    subscript(position: Int) -> EncodedMapOutputLocation {
        chunks[position / Self.chunkLength][position % Self.chunkLength]
    }

    /// Adds a finished map's location at the end.
    mutating func append(_ location: EncodedMapOutputLocation) {
        if endIndex.isMultiple(of: Self.chunkLength) {
            var chunk: [EncodedMapOutputLocation] = []
            chunk.reserveCapacity(Self.chunkLength)
            chunks.append(chunk)
        }
        chunks[chunks.count - 1].append(location)
        endIndex += 1
    }
}
