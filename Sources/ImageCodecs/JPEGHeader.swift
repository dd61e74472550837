/// The decoded-size facts TurboJPEG reports for a JPEG before decoding it.
public struct JPEGHeader: Sendable, Equatable {
    /// Chroma subsampling, with TurboJPEG's `TJSAMP_*` numbering.
    public enum Subsampling: Int32, Sendable, Equatable, CaseIterable {
        /// 4:4:4, no chroma subsampling.
        case s444 = 0
        /// 4:2:2, chroma halved horizontally.
        case s422 = 1
        /// 4:2:0, chroma halved in both directions.
        case s420 = 2
        /// Grayscale: one component, no chroma.
        case gray = 3
        /// 4:4:0, chroma halved vertically.
        case s440 = 4
        /// 4:1:1, chroma quartered horizontally.
        case s411 = 5

        /// The conventional name, e.g. `"4:2:0"`.
        public var name: String {
            switch self {
            case .s444: "4:4:4"
            case .s422: "4:2:2"
            case .s420: "4:2:0"
            case .gray: "gray"
            case .s440: "4:4:0"
            case .s411: "4:1:1"
            }
        }
    }

    /// The colour space of the compressed data, with TurboJPEG's `TJCS_*` numbering.
    public enum ColorSpace: Int32, Sendable, Equatable, CaseIterable {
        /// RGB stored without a YCbCr transform.
        case rgb = 0
        /// Luma and chroma (the usual colour JPEG).
        case yCbCr = 1
        /// One luma component.
        case gray = 2
        /// CMYK (refused by ``JPEGFile``).
        case cmyk = 3
        /// YCCK (refused by ``JPEGFile``).
        case ycck = 4
    }

    /// Width in pixels.
    public var width: Int
    /// Height in pixels.
    public var height: Int
    /// Chroma subsampling of the source; re-encode with the same value.
    public var subsampling: Subsampling
    /// Colour space of the compressed data.
    public var colorSpace: ColorSpace

    /// Creates a header value (normally produced by ``JPEGDecoder/header(of:path:)``).
    public init(width: Int, height: Int, subsampling: Subsampling, colorSpace: ColorSpace) {
        self.width = width
        self.height = height
        self.subsampling = subsampling
        self.colorSpace = colorSpace
    }

    /// 1 for grayscale, 3 for colour.
    public var components: Int { colorSpace == .gray ? 1 : 3 }
}
