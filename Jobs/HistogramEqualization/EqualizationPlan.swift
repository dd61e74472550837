import ImageCodecs
import MapReduce

/// What equalizing one image means for its layout: which samples get histograms and how the
/// lookup tables are applied, chosen from the colour model and the mode.
///
/// A plan travels with an image's histograms (``ImageHistogram``), so the reduce that builds the
/// tables does not open the image.
public struct EqualizationPlan: ShuffleValue, Sendable, Equatable {
    /// How samples are counted and mapped.
    public enum Rule: Sendable, Equatable {
        /// These sample indices each get their own histogram and table.
        case channels([Int])
        /// One histogram of Y computed from the RGB samples at `red`, `red + 1`, `red + 2`;
        /// every one of them moves by lut[Y] − Y.
        case luma(red: Int)
        /// One histogram of Y computed from the RGB samples at `red`…; all three become lut[Y].
        case grayFromRGB(red: Int)
    }

    /// How samples are counted and mapped.
    public let rule: Rule
    /// The mode in effect, for the report.
    public let mode: EqualizationMode
    /// 8 or 16.
    public let bitsPerSample: Int
    /// Whether the image is gray with 0 as white, so tables are built on inverted values.
    public let invertsValues: Bool
    /// Whether the chroma planes of a JPEG become neutral (gray mode on Y, Cb, Cr planes).
    public let neutralizesChroma: Bool

    /// The number of histogram bins: 256 or 65,536.
    public var bins: Int { 1 << bitsPerSample }
    /// The largest sample value.
    public var maxValue: Int { bins - 1 }
    /// The number of histograms (and tables).
    public var histogramCount: Int {
        if case .channels(let samples) = rule { return samples.count }
        return 1
    }

    /// Creates a plan.
    public init(rule: Rule, mode: EqualizationMode, bitsPerSample: Int, invertsValues: Bool = false,
                neutralizesChroma: Bool = false) {
        self.rule = rule
        self.mode = mode
        self.bitsPerSample = bitsPerSample
        self.invertsValues = invertsValues
        self.neutralizesChroma = neutralizesChroma
    }

    /// The plan for interleaved samples described by `info` (a TIFF, or a JPEG decoded to gray or RGB).
    ///
    /// - Throws: ``ImageCodecError`` (unsupported layout) for luma or gray on a colour model that
    ///   has no luma (e.g. CMYK), and for an RGB image with fewer than three samples.
    public static func interleaved(_ info: ImageInfo, mode requested: EqualizationMode?, path: String) throws -> Self {
        let bits = info.bitsPerSample
        switch info.colorModel {
        case .minIsBlack, .minIsWhite:
            return Self(rule: .channels([0]), mode: requested ?? .luma, bitsPerSample: bits,
                        invertsValues: info.colorModel == .minIsWhite)
        case .rgb, .yCbCr:
            guard info.samplesPerPixel >= 3 else {
                throw ImageCodecError(.unsupportedLayout, path: path, "an RGB image needs 3 samples per pixel, not \(info.samplesPerPixel)")
            }
            switch requested ?? .luma {
            case .luma: return Self(rule: .luma(red: 0), mode: .luma, bitsPerSample: bits)
            case .gray: return Self(rule: .grayFromRGB(red: 0), mode: .gray, bitsPerSample: bits)
            case .channels: return Self(rule: .channels([0, 1, 2]), mode: .channels, bitsPerSample: bits)
            }
        case .separated:
            if let requested, requested != .channels {
                throw ImageCodecError(
                    .unsupportedLayout, path: path,
                    "--mode \(requested.rawValue) needs a gray or RGB image; this one is separated (CMYK), use --mode channels")
            }
            let inks = max(1, info.samplesPerPixel - info.extraSamples.count)
            return Self(rule: .channels(Array(0..<inks)), mode: .channels, bitsPerSample: bits)
        }
    }

    /// The plan for a JPEG decoded to Y (Cb, Cr) planes: the Y plane is equalized; in gray mode
    /// the chroma planes become neutral.
    public static func lumaPlane(mode requested: EqualizationMode?) -> Self {
        let mode = requested ?? .luma
        return Self(rule: .channels([0]), mode: mode, bitsPerSample: 8, neutralizesChroma: mode == .gray)
    }

    public func encode(into writer: inout ByteWriter) {
        switch rule {
        case .channels(let samples):
            writer.write(0)
            samples.encode(into: &writer)
        case .luma(let red):
            writer.write(1)
            red.encode(into: &writer)
        case .grayFromRGB(let red):
            writer.write(2)
            red.encode(into: &writer)
        }
        mode.rawValue.encode(into: &writer)
        writer.write(UInt8(bitsPerSample))
        writer.write((invertsValues ? 1 : 0) | (neutralizesChroma ? 2 : 0))
    }

    public init(decoding reader: inout ByteReader) throws {
        let rule: Rule
        switch try reader.readByte() {
        case 0:
            let samples = try [Int](decoding: &reader)
            guard samples.count <= 16 else { throw DecodingError.malformed("a plan of \(samples.count) channels") }
            rule = .channels(samples)
        case 1: rule = .luma(red: try Int(decoding: &reader))
        case 2: rule = .grayFromRGB(red: try Int(decoding: &reader))
        case let tag: throw DecodingError.malformed("equalization rule \(tag)")
        }
        let name = try String(decoding: &reader)
        guard let mode = EqualizationMode(rawValue: name) else { throw DecodingError.malformed("equalization mode \(name)") }
        let bits = Int(try reader.readByte())
        guard bits == 8 || bits == 16 else { throw DecodingError.malformed("\(bits) bits per sample") }
        let flags = try reader.readByte()
        self.init(rule: rule, mode: mode, bitsPerSample: bits, invertsValues: flags & 1 != 0, neutralizesChroma: flags & 2 != 0)
    }
}
