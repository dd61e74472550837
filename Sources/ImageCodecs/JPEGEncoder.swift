import CTurboJPEG

/// Encodes 8-bit gray or RGB images to JPEG with TurboJPEG.
///
/// Pass the source's ``JPEGMetadata`` to carry EXIF (including the
/// orientation tag), XMP, ICC and other APPn segments into the output; the
/// pixels are never rotated. Quality defaults to 95. The encoder owns its
/// TurboJPEG handle and frees it on deinit; it is not thread-safe.
public final class JPEGEncoder {
    private let tj: TurboJPEGHandle

    /// Creates an encoder with its own TurboJPEG compressor.
    public init() throws {
        tj = try TurboJPEGHandle(compress: true)
    }

    /// Encodes a gray or RGB raster.
    ///
    /// - Parameters:
    ///   - subsampling: chroma subsampling for an RGB raster (use the source
    ///     JPEG's); ignored for a gray raster, which is always encoded gray.
    ///   - quality: 1 (worst) to 100 (best).
    ///   - progressive: write a progressive instead of a baseline JPEG.
    ///   - metadata: source segments to splice in after SOI.
    ///   - path: the name used in error messages.
    public func encode(
        _ image: RasterImage,
        subsampling: JPEGHeader.Subsampling = .s420,
        quality: Int = 95,
        progressive: Bool = false,
        metadata: JPEGMetadata? = nil,
        path: String = "output.jpg"
    ) throws -> [UInt8] {
        let sampling = image.channels == 1 ? JPEGHeader.Subsampling.gray : subsampling
        let format = TurboJPEGHandle.pixelFormat(channels: image.channels)
        return try compress(quality: quality, progressive: progressive, metadata: metadata, path: path) {
            buffer,
            size,
            flags in
            image.pixels.withUnsafeBufferPointer { source in
                tjCompress2(
                    tj.handle,
                    source.baseAddress,
                    Int32(image.width),
                    0,
                    Int32(image.height),
                    format,
                    &buffer,
                    &size,
                    sampling.rawValue,
                    Int32(quality),
                    flags
                )
            }
        }
    }

    /// Runs one TurboJPEG compression call, copies its output into Swift
    /// memory, always frees the TurboJPEG buffer, and splices `metadata`.
    private func compress(
        quality: Int,
        progressive: Bool,
        metadata: JPEGMetadata?,
        path: String,
        _ call: (inout UnsafeMutablePointer<UInt8>?, inout UInt, Int32) -> Int32
    ) throws -> [UInt8] {
        guard (1...100).contains(quality) else {
            throw ImageCodecError(.invalidArgument, path: path, "JPEG quality must be 1–100, not \(quality)")
        }
        var buffer: UnsafeMutablePointer<UInt8>?
        var size: UInt = 0
        defer { tjFree(buffer) }
        let status = call(&buffer, &size, progressive ? TurboJPEGHandle.progressiveFlag : 0)
        try tj.check(status, path: path, failure: .writeFailed, action: "JPEG encoding")
        guard let buffer, size > 0 else {
            throw ImageCodecError(.writeFailed, path: path, "JPEG encoding produced no data")
        }
        let encoded = UnsafeBufferPointer(start: buffer, count: Int(size))
        return metadata?.inserted(intoBytes: encoded) ?? Array(encoded)
    }
}
