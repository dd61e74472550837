/// A JPEG file read into memory, with its header and metadata validated.
///
/// Creating a `JPEGFile` performs every refusal that needs no pixel
/// decoding, in this order: missing or zero-byte file; not a JPEG (e.g.
/// `unequalized_dog.jpg: this is a PNG image; histeq reads JPEG and TIFF`);
/// truncated or broken header; 12-bit, lossless or CMYK/YCCK JPEG; image
/// over the pixel limit; compressed data too small for the declared size
/// (``requirePlausibleSize(header:metadata:fileSize:path:)``). Decode it with
/// a ``JPEGDecoder``.
public struct JPEGFile: Sendable {
    /// The path as the caller gave it (used in error messages).
    public let path: String
    /// The whole file.
    public let data: [UInt8]
    /// Size, subsampling and colour space from TurboJPEG.
    public let header: JPEGHeader
    /// APPn/COM segments and frame facts from the marker parser.
    public let metadata: JPEGMetadata

    /// Reads and validates the JPEG at `path`.
    ///
    /// - Parameter decoder: used to read the header; a temporary one is
    ///   created when nil.
    public init(path: String, limit: PixelLimit = .default, decoder: JPEGDecoder? = nil) throws {
        let leading = try FileBytes.readPrefix(path: path, count: ImageFormat.signatureLength)
        try JPEGFile.requireJPEG(leading, path: path)
        try self.init(data: FileBytes.read(path: path), path: path, limit: limit, decoder: decoder)
    }

    /// Reads and validates only the header of the JPEG at `path`: every refusal of
    /// ``init(path:limit:decoder:)``, from as few leading bytes as hold the header (64 KiB, or
    /// four times as many until the header fits), not the whole file.
    ///
    /// A refusal is always the whole file's: a prefix that does not validate is only a reason to
    /// read more, until the whole file is read.
    public static func header(
        path: String,
        limit: PixelLimit = .default
    ) throws -> (header: JPEGHeader, info: ImageInfo) {
        var count = 1 << 16
        let size = try FileBytes.size(path: path)
        while true {
            let leading = try FileBytes.readPrefix(path: path, count: count)
            do {
                let file = try JPEGFile(data: leading, path: path, limit: limit, fileSize: size)
                return (file.header, file.info)
            } catch  where leading.count == count {
                count *= 4
            }
        }
    }

    /// Validates JPEG bytes already in memory; `path` names them in errors. `fileSize` is the
    /// size of the whole file when `data` holds only its leading bytes.
    public init(
        data: [UInt8],
        path: String,
        limit: PixelLimit = .default,
        decoder: JPEGDecoder? = nil,
        fileSize: Int? = nil
    ) throws {
        if data.isEmpty {
            throw ImageCodecError(.emptyFile, path: path, "the file is empty (0 bytes)")
        }
        try JPEGFile.requireJPEG(data, path: path)
        let metadata = try JPEGMetadata.parse(data, path: path)
        if metadata.precision != 8 {
            throw ImageCodecError(
                .unsupportedLayout,
                path: path,
                "\(metadata.precision)-bit JPEG is not supported; histeq reads 8-bit JPEG"
            )
        }
        if metadata.isLossless {
            throw ImageCodecError(.unsupportedLayout, path: path, "lossless JPEG is not supported")
        }
        if metadata.components == 4 {
            throw ImageCodecError(.unsupportedLayout, path: path, "CMYK JPEG is not supported")
        }
        let header = try (decoder ?? JPEGDecoder()).header(of: data, path: path)
        if header.colorSpace == .cmyk || header.colorSpace == .ycck {
            throw ImageCodecError(.unsupportedLayout, path: path, "CMYK JPEG is not supported")
        }
        try limit.check(width: header.width, height: header.height, path: path)
        try JPEGFile.requirePlausibleSize(
            header: header,
            metadata: metadata,
            fileSize: fileSize ?? data.count,
            path: path
        )
        self.path = path
        self.data = data
        self.header = header
        self.metadata = metadata
    }

    /// The image description: 8-bit, 1 or 3 samples, EXIF orientation,
    /// JFIF density and ICC profile.
    public var info: ImageInfo {
        let colorModel: ImageInfo.ColorModel =
            switch header.colorSpace {
            case .gray: .minIsBlack
            case .rgb: .rgb
            default: .yCbCr
            }
        let orientation = metadata.exifOrientation.flatMap { (1...8).contains($0) ? $0 : nil } ?? 1
        return ImageInfo(
            format: .jpeg,
            width: header.width,
            height: header.height,
            samplesPerPixel: header.components,
            bitsPerSample: 8,
            colorModel: colorModel,
            orientation: orientation,
            resolution: metadata.jfifResolution,
            iccProfile: metadata.iccProfile
        )
    }

    /// Refuses a Huffman-coded JPEG whose compressed data is too small for its declared size, before
    /// anything is allocated for its pixels: every 8×8 block of the component with the largest
    /// horizontal sampling factor costs at least one bit (a Huffman code), and that component has at
    /// least a quarter of the image's rows, so fewer than one byte per 2048 pixels cannot be a whole
    /// image (a flat gray one takes about one per 256). Such a file is a damaged or forged frame
    /// header, which libjpeg would fill with gray. Arithmetic-coded JPEGs, which can go below the
    /// bound, are left to the decoder's checks.
    static func requirePlausibleSize(header: JPEGHeader, metadata: JPEGMetadata, fileSize: Int, path: String) throws {
        guard !metadata.isArithmetic else { return }
        let compressed = max(0, fileSize - metadata.scanOffset)
        let (pixels, overflow) = header.width.multipliedReportingOverflow(by: header.height)
        guard overflow || pixels / 2048 > compressed else { return }
        throw ImageCodecError(
            .corrupt,
            path: path,
            "corrupt JPEG: \(header.width)×\(header.height) pixels cannot be coded in \(compressed) bytes of image data"
        )
    }

    /// Throws the one-line refusal unless `leading` starts like a JPEG.
    private static func requireJPEG(_ leading: [UInt8], path: String) throws {
        guard let format = ImageFormat.detect(leading) else {
            throw ImageCodecError(
                .unsupportedFormat,
                path: path,
                "not a recognised image (unknown file signature); histeq reads JPEG and TIFF"
            )
        }
        try format.requireDecodable(path: path)
        guard format == .jpeg else {
            throw ImageCodecError(.unsupportedFormat, path: path, "this is a \(format.displayName) image, not a JPEG")
        }
    }
}
