import CTurboJPEG

/// Decodes whole 8-bit JPEGs with TurboJPEG to gray or RGB (``JPEGStream`` streams them instead).
///
/// Baseline, progressive and restart-marker JPEGs all decode. A truncated
/// file throws ``ImageCodecError/Kind/truncated`` instead of returning a
/// partly gray image, and any other libjpeg warning while decoding (corrupt
/// data, which libjpeg would paint over) ends the decode with
/// ``ImageCodecError/Kind/corrupt`` (TurboJPEG's stop-on-warning flag);
/// warnings while reading a header are collected in ``warnings``.
/// The decoder owns its TurboJPEG handle and frees it on deinit. Reuse one
/// decoder for many files on one thread; it is not thread-safe.
public final class JPEGDecoder {
    private let tj: TurboJPEGHandle

    /// Creates a decoder with its own TurboJPEG decompressor.
    public init() throws {
        tj = try TurboJPEGHandle(compress: false)
    }

    /// Non-fatal libjpeg warnings from every header read so far (e.g. an
    /// unknown JFIF revision).
    public var warnings: [String] { tj.warnings }

    /// Reads the size, subsampling and colour space of `data` without decoding.
    ///
    /// Throws ``ImageCodecError/Kind/unsupportedLayout`` for a chroma
    /// subsampling TurboJPEG cannot name, and the codec's own error for a
    /// header it cannot read.
    public func header(of data: [UInt8], path: String) throws -> JPEGHeader {
        var width: Int32 = 0
        var height: Int32 = 0
        var subsampling: Int32 = -1
        var colorSpace: Int32 = -1
        let status = data.withUnsafeBufferPointer {
            tjDecompressHeader3(tj.handle, $0.baseAddress, UInt($0.count), &width, &height, &subsampling, &colorSpace)
        }
        try tj.check(status, path: path, failure: .corrupt, action: "reading the header")
        guard let space = JPEGHeader.ColorSpace(rawValue: colorSpace) else {
            throw ImageCodecError(.unsupportedLayout, path: path, "JPEG colour space \(colorSpace) is not supported")
        }
        guard let sampling = JPEGHeader.Subsampling(rawValue: subsampling) else {
            throw ImageCodecError(.unsupportedLayout, path: path, "this JPEG's chroma subsampling is not supported")
        }
        return JPEGHeader(width: Int(width), height: Int(height), subsampling: sampling, colorSpace: space)
    }

    /// Decodes `file` to interleaved 8-bit pixels: `channels` 1 gives gray
    /// (colour JPEGs are converted), 3 gives RGB.
    public func decode(_ file: JPEGFile, channels: Int) throws -> RasterImage {
        guard channels == 1 || channels == 3 else {
            throw ImageCodecError(.invalidArgument, path: file.path, "decode needs 1 or 3 channels, not \(channels)")
        }
        let header = file.header
        let format = TurboJPEGHandle.pixelFormat(channels: channels)
        let pixels = try [UInt8](unsafeUninitializedCapacity: header.width * header.height * channels) {
            target,
            count in
            let status = file.data.withUnsafeBufferPointer { source in
                tjDecompress2(
                    tj.handle,
                    source.baseAddress,
                    UInt(source.count),
                    target.baseAddress,
                    Int32(header.width),
                    0,
                    Int32(header.height),
                    format,
                    TurboJPEGHandle.stopOnWarningFlag
                )
            }
            try tj.check(status, path: file.path, failure: .corrupt, action: "decoding", stoppedOnWarning: true)
            count = target.count
        }
        return try RasterImage(width: header.width, height: header.height, channels: channels, pixels: pixels)
    }

    /// Decodes the JPEG `data` to gray (`channels` 1) or RGB (3) at the largest of TurboJPEG's
    /// scales up to 1 whose size fits in `maxSide` × `maxSide` pixels, or at its smallest when
    /// none does: the decoder then skips most of the work, which makes a cheap preview.
    public func decodeScaled(_ data: [UInt8], path: String, channels: Int, maxSide: Int) throws -> RasterImage {
        guard channels == 1 || channels == 3 else {
            throw ImageCodecError(.invalidArgument, path: path, "decode needs 1 or 3 channels, not \(channels)")
        }
        let header = try header(of: data, path: path)
        var count: Int32 = 0
        guard let table = tjGetScalingFactors(&count), count > 0 else {
            throw ImageCodecError(.unreadable, path: path, "TurboJPEG has no scaling factors")
        }
        let scaled = UnsafeBufferPointer(start: table, count: Int(count))
            .filter { $0.num <= $0.denom }
            .map { (width: Self.scaled(header.width, $0), height: Self.scaled(header.height, $0)) }
            .sorted { $0.width > $1.width }
        let size = scaled.first { $0.width <= maxSide && $0.height <= maxSide } ?? scaled.last!
        let format = TurboJPEGHandle.pixelFormat(channels: channels)
        let pixels = try [UInt8](unsafeUninitializedCapacity: size.width * size.height * channels) {
            target,
            initialized in
            let status = data.withUnsafeBufferPointer { source in
                tjDecompress2(
                    tj.handle,
                    source.baseAddress,
                    UInt(source.count),
                    target.baseAddress,
                    Int32(size.width),
                    0,
                    Int32(size.height),
                    format,
                    0
                )
            }
            try tj.check(status, path: path, failure: .corrupt, action: "decoding")
            initialized = target.count
        }
        return try RasterImage(width: size.width, height: size.height, channels: channels, pixels: pixels)
    }

    /// `dimension` scaled by `factor`, rounded up as TurboJPEG's `TJSCALED` does.
    private static func scaled(_ dimension: Int, _ factor: tjscalingfactor) -> Int {
        (dimension * Int(factor.num) + Int(factor.denom) - 1) / Int(factor.denom)
    }
}
