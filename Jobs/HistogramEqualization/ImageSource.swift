import ImageCodecs

/// One input image as the job sees it: its description, how it is decoded, its equalization
/// plan and its bands, read from the header alone.
///
/// Opening an image performs every refusal that needs no pixel decoding (missing, empty, not a
/// JPEG or TIFF, unsupported layout, over the pixel limit), with the image codecs' one-line errors.
public final class ImageSource {
    /// How the pixels are decoded.
    public enum Decoding: Sendable, Equatable {
        /// A TIFF, read band by band from its strips or tiles.
        case tiff
        /// A YCbCr JPEG streamed as its Y plane, without colour conversion; Cb and Cr pass through.
        case jpegPlanes
        /// A JPEG decoded to interleaved gray (1) or RGB (3) samples: a gray JPEG (its one
        /// component is its Y plane, decoded into a single buffer), or a colour JPEG in
        /// channels mode or stored as RGB.
        case jpegPixels(channels: Int)
    }

    /// The path as the job received it (see ``InputSplit/path``).
    public let path: String
    /// The image's geometry, layout and metadata.
    public let info: ImageInfo
    /// How it is decoded.
    public let decoding: Decoding
    /// What is equalized.
    public let plan: EqualizationPlan
    /// How its rows are cut into bands; a JPEG is one band.
    public let geometry: BandGeometry
    /// The open TIFF, for a TIFF, until ``readRows(_:)`` has read its band.
    public private(set) var tiff: TIFFReader?
    /// The file, for a JPEG opened to be read (not `headerOnly`).
    public let jpeg: JPEGFile?

    /// Opens `path`, or the copy of it at `file`, and chooses its decoding and plan for `settings`.
    ///
    /// `path` names the image in keys, output names and this type's errors; the codecs read `file`
    /// and name it in theirs (``ImageBandInputFormat`` renames those after `path`). With
    /// `headerOnly`, to plan splits, a JPEG's header is read and validated but not the whole file,
    /// and ``jpeg`` is nil.
    public init(path: String, readingFrom file: String? = nil, settings: HistogramSettings, headerOnly: Bool = false) throws {
        self.path = path
        let file = file ?? path
        switch try ImageFormat.requireDecodable(path: file) {
        case .tiff:
            let reader = try TIFFReader(path: file, limit: settings.pixelLimit)
            let info = reader.info
            tiff = reader
            jpeg = nil
            self.info = info
            decoding = .tiff
            plan = try EqualizationPlan.interleaved(info, mode: settings.mode, path: path)
            let alignment = info.tiff?.tileHeight ?? info.tiff?.rowsPerStrip ?? info.height
            geometry = BandGeometry(height: info.height, bytesPerRow: info.bytesPerRow, alignment: alignment,
                                    banding: settings.banding)
        default:
            let header: JPEGHeader
            if headerOnly {
                (header, info) = try JPEGFile.header(path: file, limit: settings.pixelLimit)
                jpeg = nil
            } else {
                let jpegFile = try JPEGFile(path: file, limit: settings.pixelLimit)
                (header, info) = (jpegFile.header, jpegFile.info)
                jpeg = jpegFile
            }
            tiff = nil
            let planes = header.colorSpace == .yCbCr && settings.mode != .channels
            if planes {
                decoding = .jpegPlanes
                plan = EqualizationPlan.lumaPlane(mode: settings.mode)
            } else {
                decoding = .jpegPixels(channels: header.components)
                var pixels = info
                pixels.colorModel = header.components == 1 ? .minIsBlack : .rgb
                plan = try EqualizationPlan.interleaved(pixels, mode: settings.mode, path: path)
            }
            geometry = BandGeometry(height: info.height, bytesPerRow: info.width * header.components,
                                    alignment: 1, banding: .count(1))
        }
    }

    /// Reads rows `rows` of a TIFF and closes it, dropping the reader's cache of decoded strips,
    /// so a map task holds its band once.
    public func readRows(_ rows: Range<Int>) throws -> [UInt8] {
        try takeReader().readRows(rows)
    }

    /// Hands `body` rows `rows` of a TIFF a strip or row of tiles at a time, in one reused buffer
    /// (``TIFFReader/scanRows(_:_:)``), and closes the TIFF.
    public func scanRows(_ rows: Range<Int>, _ body: (UnsafeRawBufferPointer, Int) throws -> Void) throws {
        try takeReader().scanRows(rows, body)
    }

    private func takeReader() throws -> TIFFReader {
        guard let reader = tiff else {
            throw ImageCodecError(.invalidArgument, path: path, "this TIFF's band was already read")
        }
        tiff = nil
        return reader
    }

    /// The rows a JPEG is streamed as: its luma plane (the chroma planes pass through, or become
    /// neutral in gray mode), or gray or RGB pixels; nil for a TIFF.
    public var jpegRows: JPEGStream.Rows? {
        switch decoding {
        case .tiff: nil
        case .jpegPlanes: .lumaPlane(neutralChroma: plan.neutralizesChroma)
        case .jpegPixels(let channels): .pixels(channels: channels)
        }
    }

    /// Where the samples of a band's first plane are.
    public var layout: SampleLayout {
        switch decoding {
        case .tiff:
            SampleLayout(samplesPerPixel: info.samplesPerPixel, bytesPerSample: info.bytesPerSample, width: info.width)
        case .jpegPlanes:
            SampleLayout(samplesPerPixel: 1, bytesPerSample: 1, width: info.width)
        case .jpegPixels(let channels):
            SampleLayout(samplesPerPixel: channels, bytesPerSample: 1, width: info.width)
        }
    }
}
