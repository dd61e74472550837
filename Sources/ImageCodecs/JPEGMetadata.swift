/// The header segments of a JPEG file: APPn/COM metadata and the frame facts.
///
/// TurboJPEG 2.x writes only SOI, a JFIF APP0 and the image data, so EXIF
/// (APP1), XMP (APP1), ICC profiles (APP2), Photoshop IRB (APP13), Adobe
/// (APP14) and comments would be lost on re-encoding. ``parse(_:path:)``
/// collects those segments from the source, and ``inserted(into:)`` splices
/// them into a freshly encoded JPEG right after its SOI. Pixels are never
/// rotated: the EXIF orientation tag is carried over unchanged.
public struct JPEGMetadata: Sendable, Equatable {
    /// One marker segment: the marker byte (e.g. `0xE1` for APP1) and its
    /// payload without the two length bytes.
    public struct Segment: Sendable, Equatable {
        /// The second marker byte (`FF xx`).
        public var marker: UInt8
        /// The segment payload, at most 65,533 bytes.
        public var payload: [UInt8]

        /// Creates a segment value.
        public init(marker: UInt8, payload: [UInt8]) {
            self.marker = marker
            self.payload = payload
        }

        /// Whether the payload starts with the ASCII `signature`.
        public func starts(with signature: String) -> Bool {
            payload.starts(with: Array(signature.utf8))
        }
    }

    /// APPn (`FF E0`–`FF EF`) and COM (`FF FE`) segments before the first
    /// scan, in file order.
    public var segments: [Segment] = []
    /// Bits per sample from the frame header (8; 12 and 16 are refused).
    public var precision = 0
    /// Components from the frame header (1 gray, 3 colour, 4 CMYK/YCCK).
    public var components = 0
    /// Whether the frame is progressive (SOF2, SOF6, SOF10, SOF14).
    public var isProgressive = false
    /// Whether the frame is lossless (SOF3, SOF7, SOF11, SOF15).
    public var isLossless = false
    /// The restart interval in MCUs (0 when the file has no restart markers).
    public var restartInterval = 0
    /// Whether the frame is arithmetic-coded (SOF9–SOF11, SOF13–SOF15) rather than Huffman-coded.
    public var isArithmetic = false
    /// The offset of the first scan's compressed data, just after its SOS header.
    public var scanOffset = 0

    /// Creates an empty metadata value.
    public init() {}

    /// Reads the marker segments of `jpeg` up to the first scan.
    ///
    /// Throws ``ImageCodecError/Kind/truncated`` when a segment runs past
    /// the end of the data and ``ImageCodecError/Kind/corrupt`` when the
    /// marker structure is broken or there is no frame header.
    public static func parse(_ jpeg: [UInt8], path: String) throws -> JPEGMetadata {
        var metadata = JPEGMetadata()
        var sawFrame = false
        var position = 2
        guard jpeg.count >= 4, jpeg[0] == 0xFF, jpeg[1] == 0xD8 else {
            throw ImageCodecError(.corrupt, path: path, "corrupt JPEG: missing start-of-image marker")
        }
        while true {
            guard position < jpeg.count else {
                throw ImageCodecError(.truncated, path: path, "truncated JPEG: the file ends inside the header")
            }
            guard jpeg[position] == 0xFF else {
                throw ImageCodecError(.corrupt, path: path, "corrupt JPEG: expected a marker at byte \(position)")
            }
            while position < jpeg.count, jpeg[position] == 0xFF { position += 1 }
            guard position < jpeg.count else { continue }
            let marker = jpeg[position]
            position += 1
            if marker == 0x01 || (0xD0...0xD7).contains(marker) { continue }
            if marker == 0xD9 { break }
            guard position + 2 <= jpeg.count else {
                throw ImageCodecError(.truncated, path: path, "truncated JPEG: the file ends inside the header")
            }
            let length = Int(jpeg[position]) << 8 | Int(jpeg[position + 1])
            guard length >= 2 else {
                throw ImageCodecError(.corrupt, path: path, "corrupt JPEG: bad segment length at byte \(position)")
            }
            guard position + length <= jpeg.count else {
                throw ImageCodecError(.truncated, path: path, "truncated JPEG: the file ends inside the header")
            }
            let payload = Array(jpeg[(position + 2)..<(position + length)])
            position += length
            switch marker {
            case 0xE0...0xEF, 0xFE:
                metadata.segments.append(Segment(marker: marker, payload: payload))
            case 0xC0...0xC3, 0xC5...0xC7, 0xC9...0xCB, 0xCD...0xCF:
                guard payload.count >= 6, !sawFrame else {
                    throw ImageCodecError(.corrupt, path: path, "corrupt JPEG: bad frame header")
                }
                sawFrame = true
                metadata.precision = Int(payload[0])
                metadata.components = Int(payload[5])
                metadata.isProgressive = [0xC2, 0xC6, 0xCA, 0xCE].contains(marker)
                metadata.isLossless = [0xC3, 0xC7, 0xCB, 0xCF].contains(marker)
                metadata.isArithmetic = marker >= 0xC9
            case 0xDD where payload.count >= 2:
                metadata.restartInterval = Int(payload[0]) << 8 | Int(payload[1])
            case 0xDA where sawFrame:
                metadata.scanOffset = position
                return metadata
            case 0xDA:
                throw ImageCodecError(.corrupt, path: path, "corrupt JPEG: image data before the frame header")
            default:
                continue
            }
        }
        throw ImageCodecError(.corrupt, path: path, "corrupt JPEG: no frame header before the image data")
    }

    /// The EXIF Orientation tag (1–8) from the APP1 EXIF segment, if present.
    public var exifOrientation: Int? {
        guard let exif = segments.first(where: { $0.marker == 0xE1 && $0.starts(with: "Exif\0\0") }) else {
            return nil
        }
        let tiff = Array(exif.payload.dropFirst(6))
        guard tiff.count >= 8, tiff[0] == tiff[1], tiff[0] == 0x49 || tiff[0] == 0x4D else { return nil }
        let little = tiff[0] == 0x49
        func read(_ offset: Int, _ size: Int) -> Int? {
            guard offset >= 0, offset + size <= tiff.count else { return nil }
            let bytes = tiff[offset..<(offset + size)]
            return (little ? bytes.reversed() : Array(bytes)).reduce(0) { $0 << 8 | Int($1) }
        }
        guard let ifd = read(4, 4), let count = read(ifd, 2) else { return nil }
        for entry in 0..<count {
            let base = ifd + 2 + entry * 12
            guard let tag = read(base, 2), let type = read(base + 2, 2) else { return nil }
            if tag == 0x0112, type == 3 {
                return read(base + 8, 2)
            }
        }
        return nil
    }

    /// The ICC profile reassembled from its APP2 `ICC_PROFILE` chunks, if any.
    public var iccProfile: [UInt8]? {
        let chunks =
            segments
            .filter { $0.marker == 0xE2 && $0.starts(with: "ICC_PROFILE\0") && $0.payload.count > 14 }
            .sorted { $0.payload[12] < $1.payload[12] }
        guard !chunks.isEmpty else { return nil }
        return chunks.flatMap { $0.payload.dropFirst(14) }
    }

    /// The pixel density from a JFIF APP0 segment, if present and nonzero.
    public var jfifResolution: ImageInfo.Resolution? {
        guard let jfif = segments.first(where: { $0.marker == 0xE0 && $0.starts(with: "JFIF\0") }),
            jfif.payload.count >= 12
        else { return nil }
        let p = jfif.payload
        let x = Int(p[8]) << 8 | Int(p[9])
        let y = Int(p[10]) << 8 | Int(p[11])
        guard x > 0, y > 0 else { return nil }
        return ImageInfo.Resolution(x: Double(x), y: Double(y), unit: UInt16(p[7]) + 1)
    }

    /// Returns `encoded` with these segments inserted right after its SOI.
    ///
    /// If this metadata has a JFIF APP0, it replaces the encoder's APP0 (so
    /// the source density is kept); otherwise the encoder's APP0 stays
    /// first. All other segments follow in source order.
    public func inserted(into encoded: [UInt8]) -> [UInt8] {
        inserted(intoBytes: encoded)
    }

    /// ``inserted(into:)`` for encoded bytes in any buffer (e.g. the encoder's own), copied once.
    public func inserted<Bytes: RandomAccessCollection<UInt8>>(intoBytes encoded: Bytes) -> [UInt8]
    where Bytes.Index == Int {
        let start = encoded.startIndex
        guard encoded.count >= 4, encoded[start] == 0xFF, encoded[start + 1] == 0xD8, !segments.isEmpty else {
            return Array(encoded)
        }
        var rest = start + 2
        var encoderAPP0 = encoded[rest..<rest]
        if encoded.count >= 6, encoded[start + 2] == 0xFF, encoded[start + 3] == 0xE0 {
            let end = min(encoded.endIndex, start + 4 + (Int(encoded[start + 4]) << 8 | Int(encoded[start + 5])))
            encoderAPP0 = encoded[(start + 2)..<end]
            rest = end
        }
        let layout = headerLayout
        var output: [UInt8] = [0xFF, 0xD8]
        output.reserveCapacity(encoded.count + segments.reduce(0) { $0 + $1.payload.count + 4 })
        if layout.keepsEncoderJFIF { output += encoderAPP0 }
        for segment in layout.segments {
            output += JPEGMetadata.bytes(of: segment)
        }
        output += encoded[rest...]
        return output
    }

    /// What follows an encoder's start of image: whether its own JFIF APP0 stays, and then these
    /// segments in order.
    ///
    /// A source JFIF APP0 replaces the encoder's and comes first; the other segments follow in
    /// source order. Without segments the encoder's APP0 stays alone.
    public var headerLayout: (keepsEncoderJFIF: Bool, segments: [Segment]) {
        guard let sourceJFIF = segments.first(where: { $0.marker == 0xE0 && $0.starts(with: "JFIF\0") }) else {
            return (true, segments)
        }
        return (false, [sourceJFIF] + segments.filter { $0 != sourceJFIF })
    }

    /// Serializes one segment: `FF marker`, big-endian length, payload.
    private static func bytes(of segment: Segment) -> [UInt8] {
        let length = segment.payload.count + 2
        return [0xFF, segment.marker, UInt8(length >> 8), UInt8(length & 0xFF)] + segment.payload
    }
}
