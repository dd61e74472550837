/// The geometry, sample layout and carried-over metadata of one decodable image.
///
/// For a TIFF this describes the first page (IFD 0); ``pageCount`` says how
/// many pages the file has. For a JPEG, ``samplesPerPixel`` is 1 (gray) or 3
/// (colour), ``bitsPerSample`` is 8 and ``tiff`` is nil. A ``TIFFWriter``
/// takes an `ImageInfo` to reproduce the source layout in its output.
public struct ImageInfo: Sendable, Equatable {
    /// How sample values map to colour (TIFF PhotometricInterpretation).
    public enum ColorModel: UInt16, Sendable, Equatable {
        /// Grayscale, 0 is white.
        case minIsWhite = 0
        /// Grayscale, 0 is black.
        case minIsBlack = 1
        /// Red, green, blue.
        case rgb = 2
        /// Ink separations, usually CMYK.
        case separated = 5
        /// Luma and chroma (JPEG colour images before conversion).
        case yCbCr = 6
    }

    /// Whether samples of a pixel are stored together or in separate planes.
    public enum PlanarConfiguration: UInt16, Sendable, Equatable {
        /// `RGBRGB...` (chunky).
        case contiguous = 1
        /// `RRR... GGG... BBB...` (one plane per sample).
        case separate = 2
    }

    /// The meaning of a sample beyond the colour samples (TIFF ExtraSamples).
    public enum ExtraSample: UInt16, Sendable, Equatable {
        /// Unspecified data, e.g. a near-infrared band.
        case unspecified = 0
        /// Alpha premultiplied into the colour samples.
        case associatedAlpha = 1
        /// Straight (unpremultiplied) alpha.
        case unassociatedAlpha = 2
    }

    /// The byte order a TIFF is stored in.
    public enum ByteOrder: Sendable, Equatable {
        /// `II`, Intel order.
        case littleEndian
        /// `MM`, Motorola order.
        case bigEndian
    }

    /// Pixel density (TIFF XResolution/YResolution/ResolutionUnit, JFIF density).
    public struct Resolution: Sendable, Equatable {
        /// The unit of ``x`` and ``y``: 1 none, 2 inch, 3 centimetre.
        public var unit: UInt16
        /// Pixels per unit horizontally.
        public var x: Double
        /// Pixels per unit vertically.
        public var y: Double

        /// Creates a resolution of `x` × `y` pixels per `unit`.
        public init(x: Double, y: Double, unit: UInt16) {
            self.x = x
            self.y = y
            self.unit = unit
        }
    }

    /// TIFF storage details that a writer copies to keep the source layout.
    public struct TIFFLayout: Sendable, Equatable {
        /// The file's byte order.
        public var byteOrder: ByteOrder
        /// Whether the file is BigTIFF (64-bit offsets).
        public var isBigTIFF: Bool
        /// The TIFF Compression code (1 none, 5 LZW, 8 Deflate, ...).
        public var compression: UInt16
        /// The TIFF Predictor code (1 none, 2 horizontal differencing).
        public var predictor: UInt16
        /// Rows per strip for a stripped image, nil for a tiled one.
        public var rowsPerStrip: Int?
        /// Tile width for a tiled image (a multiple of 16), nil for a stripped one.
        public var tileWidth: Int?
        /// Tile height for a tiled image (a multiple of 16), nil for a stripped one.
        public var tileHeight: Int?
        /// The XMP packet (TIFF XMLPacket tag), if any.
        public var xmp: [UInt8]?

        /// Creates a layout; pass `rowsPerStrip`, or `tileWidth` and `tileHeight`.
        public init(
            byteOrder: ByteOrder,
            isBigTIFF: Bool = false,
            compression: UInt16 = 1,
            predictor: UInt16 = 1,
            rowsPerStrip: Int? = nil,
            tileWidth: Int? = nil,
            tileHeight: Int? = nil,
            xmp: [UInt8]? = nil
        ) {
            self.byteOrder = byteOrder
            self.isBigTIFF = isBigTIFF
            self.compression = compression
            self.predictor = predictor
            self.rowsPerStrip = rowsPerStrip
            self.tileWidth = tileWidth
            self.tileHeight = tileHeight
            self.xmp = xmp
        }

        /// Whether the image is stored in tiles rather than strips.
        public var isTiled: Bool { tileWidth != nil && tileHeight != nil }
    }

    /// The container format.
    public var format: ImageFormat
    /// Width in pixels.
    public var width: Int
    /// Height in pixels.
    public var height: Int
    /// Samples per pixel, including extra samples such as alpha.
    public var samplesPerPixel: Int
    /// Bits per sample: 8 or 16.
    public var bitsPerSample: Int
    /// How samples are arranged in the file.
    public var planarConfiguration: PlanarConfiguration
    /// How samples map to colour.
    public var colorModel: ColorModel
    /// The meaning of each extra sample, in order (empty when there are none).
    public var extraSamples: [ExtraSample]
    /// The TIFF/EXIF orientation (1 = upright; 6 = rotate 90° clockwise to view).
    public var orientation: Int
    /// The number of pages (TIFF directories); only the first is read.
    public var pageCount: Int
    /// The pixel density, if the file declares one.
    public var resolution: Resolution?
    /// The embedded ICC colour profile, if any.
    public var iccProfile: [UInt8]?
    /// TIFF storage details, nil for JPEG.
    public var tiff: TIFFLayout?

    /// Creates an image description; defaults describe an upright, single-page,
    /// contiguous image without extra samples or metadata.
    public init(
        format: ImageFormat,
        width: Int,
        height: Int,
        samplesPerPixel: Int,
        bitsPerSample: Int,
        planarConfiguration: PlanarConfiguration = .contiguous,
        colorModel: ColorModel,
        extraSamples: [ExtraSample] = [],
        orientation: Int = 1,
        pageCount: Int = 1,
        resolution: Resolution? = nil,
        iccProfile: [UInt8]? = nil,
        tiff: TIFFLayout? = nil
    ) {
        self.format = format
        self.width = width
        self.height = height
        self.samplesPerPixel = samplesPerPixel
        self.bitsPerSample = bitsPerSample
        self.planarConfiguration = planarConfiguration
        self.colorModel = colorModel
        self.extraSamples = extraSamples
        self.orientation = orientation
        self.pageCount = pageCount
        self.resolution = resolution
        self.iccProfile = iccProfile
        self.tiff = tiff
    }

    /// Bytes per sample: 1 or 2.
    public var bytesPerSample: Int { (bitsPerSample + 7) / 8 }
    /// Bytes in one interleaved row: `width × samplesPerPixel × bytesPerSample`.
    public var bytesPerRow: Int { width * samplesPerPixel * bytesPerSample }
    /// The number of colour samples (samples minus extra samples).
    public var colorSamples: Int { max(0, samplesPerPixel - extraSamples.count) }
    /// The sample index of the first alpha channel, if there is one.
    public var alphaSampleIndex: Int? {
        extraSamples.firstIndex { $0 != .unspecified }.map { colorSamples + $0 }
    }
    /// Whether the file has pages beyond the first (which are not read).
    public var hasMorePages: Bool { pageCount > 1 }

    /// A one-line human description, e.g.
    /// `"TIFF 403×404, 4 × 8-bit RGB + associated alpha, contiguous, big-endian"`.
    public var summary: String {
        var parts = [
            "\(format.displayName) \(width)×\(height)",
            "\(samplesPerPixel) × \(bitsPerSample)-bit \(colorName)"
                + extraSamples.map { " + \($0.name)" }.joined(),
        ]
        if let tiff {
            if samplesPerPixel > 1 {
                parts.append(planarConfiguration == .contiguous ? "contiguous" : "separate planes")
            }
            parts.append(tiff.isTiled ? "\(tiff.tileWidth ?? 0)×\(tiff.tileHeight ?? 0) tiles" : "strips")
            parts.append(tiff.byteOrder == .bigEndian ? "big-endian" : "little-endian")
        }
        if orientation != 1 { parts.append("orientation \(orientation)") }
        if hasMorePages { parts.append("\(pageCount) pages (only the first is read)") }
        return parts.joined(separator: ", ")
    }

    private var colorName: String {
        switch colorModel {
        case .minIsWhite: "gray (min-is-white)"
        case .minIsBlack: "gray"
        case .rgb: "RGB"
        case .separated: "separated (CMYK)"
        case .yCbCr: "YCbCr"
        }
    }
}

extension ImageInfo.ExtraSample {
    fileprivate var name: String {
        switch self {
        case .unspecified: "extra sample"
        case .associatedAlpha: "associated alpha"
        case .unassociatedAlpha: "unassociated alpha"
        }
    }
}

extension ImageInfo {
    /// Detects the format of `path` by its leading bytes and reads its
    /// description without decoding pixels.
    ///
    /// Throws the same one-line errors as ``JPEGFile`` and ``TIFFReader``
    /// (missing, empty, not JPEG/TIFF, unsupported layout, over `limit`).
    public static func probe(path: String, limit: PixelLimit = .default) throws -> ImageInfo {
        switch try ImageFormat.requireDecodable(path: path) {
        case .tiff:
            return try TIFFReader(path: path, limit: limit).info
        default:
            return try JPEGFile.header(path: path, limit: limit).info
        }
    }
}
