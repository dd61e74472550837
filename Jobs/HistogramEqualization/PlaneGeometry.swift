import ImageCodecs

/// The row stride of a JPEG's Y plane as TurboJPEG decodes it: the width padded to whole
/// chroma samples.
public struct PlaneGeometry: Sendable, Equatable {
    /// Image width in pixels.
    public let width: Int
    /// Horizontal chroma subsampling factor (1, 2 or 4).
    public let horizontalFactor: Int

    /// The geometry of a JPEG `width` pixels wide with `subsampling`.
    public init(width: Int, subsampling: JPEGHeader.Subsampling) {
        self.width = width
        switch subsampling {
        case .s444, .gray, .s440: horizontalFactor = 1
        case .s422, .s420: horizontalFactor = 2
        case .s411: horizontalFactor = 4
        }
    }

    /// The Y plane's width, the row stride of its buffer.
    public var lumaWidth: Int { (width + horizontalFactor - 1) / horizontalFactor * horizontalFactor }
}
