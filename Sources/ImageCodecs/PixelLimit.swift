/// A ceiling on width × height checked before any pixel buffer is allocated.
///
/// Compressed images can declare enormous dimensions in a few bytes
/// ("decompression bombs"). Readers call ``check(width:height:path:)`` right
/// after parsing the header, so a refused image never costs more memory than
/// its header. The refusal reads, for example,
/// `big.tif: 40000×40000 = 1.6 gigapixels exceeds the 1 gigapixel limit`.
public struct PixelLimit: Sendable, Equatable {
    /// The largest accepted number of pixels (width × height).
    public var maxPixels: Int

    /// Creates a limit of `maxPixels` pixels; values below 1 are raised to 1.
    public init(maxPixels: Int) {
        self.maxPixels = max(1, maxPixels)
    }

    /// One gigapixel (1,000,000,000 pixels), the default limit.
    public static let `default` = PixelLimit(maxPixels: 1_000_000_000)

    /// No practical limit; use only for trusted input.
    public static let unlimited = PixelLimit(maxPixels: Int.max)

    /// Throws ``ImageCodecError/Kind/pixelLimit`` when `width × height`
    /// exceeds ``maxPixels``, or ``ImageCodecError/Kind/corrupt`` when a
    /// dimension is zero or negative.
    public func check(width: Int, height: Int, path: String) throws {
        guard width > 0, height > 0 else {
            throw ImageCodecError(.corrupt, path: path, "invalid image size \(width)×\(height)")
        }
        let (pixels, overflow) = width.multipliedReportingOverflow(by: height)
        guard overflow || pixels > maxPixels else { return }
        let amount = overflow ? "more than \(PixelLimit.describe(Int.max))" : PixelLimit.describe(pixels)
        throw ImageCodecError(
            .pixelLimit,
            path: path,
            "\(width)×\(height) = \(amount) exceeds the \(PixelLimit.describe(maxPixels, singular: true)) limit"
        )
    }

    /// Formats a pixel count with the largest fitting unit, e.g.
    /// `"1.6 gigapixels"`, `"12 megapixels"` or `"640 pixels"`.
    /// With `singular`, a unit is never pluralised (`"1 gigapixel limit"`).
    public static func describe(_ pixels: Int, singular: Bool = false) -> String {
        let units: [(Double, String)] = [(1e9, "gigapixel"), (1e6, "megapixel"), (1e3, "kilopixel")]
        let value = Double(pixels)
        for (scale, name) in units where value >= scale {
            let scaled = value / scale
            let text = formatOneDecimal(scaled)
            let plural = singular || text == "1" ? "" : "s"
            return "\(text) \(name)\(plural)"
        }
        return pixels == 1 || singular ? "\(pixels) pixel" : "\(pixels) pixels"
    }

    /// Renders `value` with at most one decimal, dropping a trailing `.0`.
    private static func formatOneDecimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
    }
}
