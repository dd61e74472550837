import MapReduce

/// The pixels of one band of an image, as they travel from the apply phase's maps to its reduce.
///
/// `planes` holds one buffer of interleaved rows of a TIFF band; or the band's strips or tiles,
/// compressed by its map task (``chunkIndices`` names them); or (``isEncodedImage``) a whole
/// JPEG, equalized and encoded by its map task. The encoding copies the buffers whole, except
/// that a last buffer of 1 MiB or more stays where it is (``splitEncoding()``). Band 0
/// also carries its ``ImageDescription``, so the reduce writes the image without opening it, and
/// when the job is asked for artifacts every band carries its ``PreviewRows``.
public struct BandPixels: ShuffleValue, Sendable, Equatable {
    /// The band's index in its image.
    public var index: Int
    /// The image row the band starts at.
    public var firstRow: Int
    /// The image rows it holds (JPEG planes may carry padding rows beyond them).
    public var rowCount: Int
    /// The band's samples, or the encoded image.
    public var planes: [[UInt8]]
    /// Whether `planes[0]` is the whole image encoded in its output format, not samples.
    public var isEncodedImage: Bool
    /// The TIFF strip or tile index of each buffer in `planes`, when they are compressed chunks;
    /// empty when `planes` holds samples.
    public var chunkIndices: [Int] = []
    /// The image's description, which band 0 carries to the writer.
    public var image: ImageDescription?
    /// The band's rows of the image's previews, when the job is asked for artifacts.
    public var preview: PreviewRows?

    /// Creates a band.
    public init(
        index: Int, firstRow: Int, rowCount: Int, planes: [[UInt8]], isEncodedImage: Bool = false,
        image: ImageDescription? = nil, preview: PreviewRows? = nil
    ) {
        self.index = index
        self.firstRow = firstRow
        self.rowCount = rowCount
        self.planes = planes
        self.isEncodedImage = isEncodedImage
        self.image = image
        self.preview = preview
    }

    public func encode(into writer: inout ByteWriter) {
        encodeHead(into: &writer)
        if let last = planes.last { last.withUnsafeBytes { writer.write($0) } }
    }

    /// The encoding with the last buffer (the band's pixels or encoded image, when it is one
    /// buffer) left where it is, so that the map output never copies it.
    public func splitEncoding() -> SplitEncoding? {
        guard let last = planes.last, last.count >= 1 << 20 else { return nil }
        var head = ByteWriter(capacity: 64 + (image?.approximateByteCount ?? 0) + (preview?.byteCount ?? 0))
        encodeHead(into: &head)
        return SplitEncoding(head: head.bytes, tail: last)
    }

    /// Everything before the last buffer's bytes: the fields, the other buffers, and the last
    /// one's length.
    private func encodeHead(into writer: inout ByteWriter) {
        writer.writeVarint(UInt64(index))
        writer.writeVarint(UInt64(firstRow))
        writer.writeVarint(UInt64(rowCount))
        writer.writeVarint(isEncodedImage ? 1 : 0)
        writer.write((image == nil ? 0 : 1) | (preview == nil ? 0 : 2))
        image?.encode(into: &writer)
        preview?.encode(into: &writer)
        writer.writeVarint(UInt64(chunkIndices.count))
        for chunk in chunkIndices { writer.writeVarint(UInt64(chunk)) }
        writer.writeVarint(UInt64(planes.count))
        for plane in planes.dropLast() {
            plane.withUnsafeBytes { writer.writeLengthPrefixed($0) }
        }
        if let last = planes.last { writer.writeVarint(UInt64(last.count)) }
    }

    public init(decoding reader: inout ByteReader) throws {
        index = Int(try reader.readVarint())
        firstRow = Int(try reader.readVarint())
        rowCount = Int(try reader.readVarint())
        isEncodedImage = try reader.readVarint() != 0
        let parts = try reader.readByte()
        image = parts & 1 != 0 ? try ImageDescription(decoding: &reader) : nil
        preview = parts & 2 != 0 ? try PreviewRows(decoding: &reader) : nil
        let chunks = try reader.readVarint()
        guard chunks <= 1 << 24 else { throw DecodingError.malformed("a band of \(chunks) chunks") }
        chunkIndices = try (0..<chunks).map { _ in Int(try reader.readVarint()) }
        let count = try reader.readVarint()
        guard chunks == 0 ? count <= 4 : count == chunks else { throw DecodingError.malformed("a band of \(count) planes") }
        planes = []
        for _ in 0..<count {
            let bytes = try reader.readLengthPrefixed()
            planes.append([UInt8](unsafeUninitializedCapacity: bytes.count) { buffer, initialized in
                if let base = bytes.baseAddress { buffer.baseAddress!.initialize(from: base.assumingMemoryBound(to: UInt8.self), count: bytes.count) }
                initialized = bytes.count
            })
        }
    }

    public var approximateByteCount: Int {
        planes.reduce(64 + (image?.approximateByteCount ?? 0) + (preview?.byteCount ?? 0)) { $0 + $1.count + 32 }
    }
}
