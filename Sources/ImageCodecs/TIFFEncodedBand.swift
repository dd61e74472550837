/// One band of a TIFF's strips or tiles, compressed apart by
/// ``TIFFWriter/encode(_:rows:of:log:)`` exactly as the whole image's writer would compress them,
/// for that writer to store as they are (``TIFFWriter/append(encoded:)``).
public struct TIFFEncodedBand: Sendable, Equatable {
    /// The image rows the band covers.
    public var rows: Range<Int>
    /// libtiff's index of each chunk (strip or tile, plane by plane), in the order encoded.
    public var indices: [Int]
    /// Each chunk's compressed bytes.
    public var chunks: [[UInt8]]

    /// Creates a band.
    public init(rows: Range<Int>, indices: [Int], chunks: [[UInt8]]) {
        self.rows = rows
        self.indices = indices
        self.chunks = chunks
    }
}
