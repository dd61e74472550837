/// An 8-bit image held as interleaved rows: gray (1 channel) or RGB (3).
///
/// This is what ``JPEGDecoder/decode(_:channels:)`` returns and what
/// ``JPEGEncoder/encode(_:subsampling:quality:progressive:metadata:)``
/// accepts. Rows are tightly packed: `width × channels` bytes each.
public struct RasterImage: Sendable, Equatable {
    /// Width in pixels.
    public let width: Int
    /// Height in pixels.
    public let height: Int
    /// Bytes per pixel: 1 (gray) or 3 (RGB).
    public let channels: Int
    /// `height` rows of `width × channels` bytes.
    public var pixels: [UInt8]

    /// Wraps `pixels`; throws ``ImageCodecError/Kind/invalidArgument`` when
    /// `channels` is not 1 or 3 or the buffer size does not match.
    public init(width: Int, height: Int, channels: Int, pixels: [UInt8]) throws {
        guard width > 0, height > 0, channels == 1 || channels == 3 else {
            throw ImageCodecError(
                .invalidArgument,
                path: "raster",
                "invalid raster \(width)×\(height) with \(channels) channels"
            )
        }
        guard pixels.count == width * height * channels else {
            throw ImageCodecError(
                .invalidArgument,
                path: "raster",
                "raster needs \(width * height * channels) bytes, got \(pixels.count)"
            )
        }
        self.width = width
        self.height = height
        self.channels = channels
        self.pixels = pixels
    }

    /// Creates a raster filled with `value`.
    public init(width: Int, height: Int, channels: Int, filledWith value: UInt8 = 0) throws {
        try self.init(
            width: width,
            height: height,
            channels: channels,
            pixels: [UInt8](repeating: value, count: max(0, width * height * channels))
        )
    }

    /// Bytes in one row.
    public var bytesPerRow: Int { width * channels }

    /// The bytes of row `y` (`bytesPerRow` long).
    public func row(_ y: Int) -> ArraySlice<UInt8> {
        pixels[(y * bytesPerRow)..<((y + 1) * bytesPerRow)]
    }

    /// The samples of the pixel at (`x`, `y`), one per channel.
    public func pixel(x: Int, y: Int) -> ArraySlice<UInt8> {
        let start = (y * width + x) * channels
        return pixels[start..<(start + channels)]
    }
}
