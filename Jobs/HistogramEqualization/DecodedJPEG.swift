import ImageCodecs

/// A whole JPEG decoded for equalization, as its ``ImageSource/Decoding`` says: its Y, Cb and
/// Cr planes, or interleaved gray or RGB pixels.
///
/// A JPEG can be decoded and encoded only whole, so the map task that decodes one equalizes it
/// in place and encodes it too: the shuffle then carries the encoded file, not the pixels.
public struct DecodedJPEG {
    /// The planes of a YCbCr JPEG decoded without colour conversion, or nil.
    private var planes: YUVPlanes?
    /// The interleaved samples of a JPEG decoded to gray or RGB, or nil.
    private var raster: RasterImage?

    /// Decodes the JPEG of `source`.
    public init(decoding source: ImageSource) throws {
        guard let file = source.jpeg else {
            throw ImageCodecError(.invalidArgument, path: source.path, "this image is not a JPEG")
        }
        if case .jpegPixels(let channels) = source.decoding {
            raster = try JPEGDecoder().decode(file, channels: channels)
        } else {
            planes = try JPEGDecoder().decodeYUV(file)
        }
    }

    /// Calls `body` with the samples ``ImageSource/layout`` describes: the Y plane or the pixels.
    public func withUnsafeEqualizedSamples<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        if let planes { return try planes.withUnsafePlane(0, body) }
        return try raster!.pixels.withUnsafeBytes(body)
    }

    /// Calls `body` with the samples ``ImageSource/layout`` describes, to change them in place.
    public mutating func withUnsafeMutableEqualizedSamples<R>(
        _ body: (UnsafeMutableRawBufferPointer) throws -> R
    ) rethrows -> R {
        if planes != nil { return try planes!.withUnsafeMutablePlane(0, body) }
        return try raster!.pixels.withUnsafeMutableBytes(body)
    }

    /// Sets the chroma planes to neutral (128), for gray mode on a YCbCr JPEG.
    public mutating func neutralizeChroma() {
        guard let count = planes.map({ $0.subsampling == .gray ? 1 : 3 }) else { return }
        for plane in 1..<count {
            planes!.withUnsafeMutablePlane(plane) { _ = $0.initializeMemory(as: UInt8.self, repeating: 128) }
        }
    }

    /// Encodes the image as the equalized output of `source`: at `quality`, with the source's
    /// subsampling and its APPn and COM segments (an RGB JPEG's Adobe segment is dropped, since
    /// the output is YCbCr).
    public func encoded(for source: ImageSource, quality: Int) throws -> [UInt8] {
        guard let file = source.jpeg else {
            throw ImageCodecError(.invalidArgument, path: source.path, "this image is not a JPEG")
        }
        var metadata = file.metadata
        if file.header.colorSpace == .rgb {
            metadata.segments.removeAll { $0.marker == 0xEE && $0.starts(with: "Adobe") }
        }
        let output = source.path
        let encoder = try JPEGEncoder()
        if let planes {
            if planes.subsampling != .gray {
                return try encoder.encode(planes, quality: quality, metadata: metadata, path: output)
            }
            let luma = try RasterImage(width: planes.width, height: planes.height, channels: 1, pixels: planes.luma)
            return try encoder.encode(luma, quality: quality, metadata: metadata, path: output)
        }
        let raster = raster!
        return try encoder.encode(raster, subsampling: file.header.subsampling, quality: quality, metadata: metadata, path: output)
    }
}
