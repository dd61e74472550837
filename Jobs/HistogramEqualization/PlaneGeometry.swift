import ImageCodecs

/// The sizes of a JPEG's Y, Cb and Cr planes as TurboJPEG decodes them: the Y plane padded to
/// whole chroma samples, the chroma planes divided by the subsampling factors.
public struct PlaneGeometry: Sendable, Equatable {
    /// Image width and height in pixels.
    public let width: Int
    public let height: Int
    /// Horizontal and vertical chroma subsampling factors (1, 2 or 4).
    public let horizontalFactor: Int
    public let verticalFactor: Int
    /// The number of planes: 1 for gray, 3 for colour.
    public let planeCount: Int

    /// The geometry of a `width` × `height` JPEG with `subsampling`.
    public init(width: Int, height: Int, subsampling: JPEGHeader.Subsampling) {
        self.width = width
        self.height = height
        switch subsampling {
        case .s444, .gray: (horizontalFactor, verticalFactor) = (1, 1)
        case .s422: (horizontalFactor, verticalFactor) = (2, 1)
        case .s420: (horizontalFactor, verticalFactor) = (2, 2)
        case .s440: (horizontalFactor, verticalFactor) = (1, 2)
        case .s411: (horizontalFactor, verticalFactor) = (4, 1)
        }
        planeCount = subsampling == .gray ? 1 : 3
    }

    /// The Y plane's width, the row stride of its buffer.
    public var lumaWidth: Int { (width + horizontalFactor - 1) / horizontalFactor * horizontalFactor }
    /// The Y plane's height.
    public var lumaHeight: Int { (height + verticalFactor - 1) / verticalFactor * verticalFactor }

    /// The width of plane `index`.
    public func width(ofPlane index: Int) -> Int { index == 0 ? lumaWidth : lumaWidth / horizontalFactor }
    /// The height of plane `index`.
    public func height(ofPlane index: Int) -> Int { index == 0 ? lumaHeight : lumaHeight / verticalFactor }

    /// The rows of plane `index` that belong to image rows `rows`; the band that ends the image
    /// also takes the padding rows.
    public func planeRows(_ index: Int, imageRows rows: Range<Int>) -> Range<Int> {
        let end = rows.upperBound >= height ? lumaHeight : rows.upperBound
        let factor = index == 0 ? 1 : verticalFactor
        return rows.lowerBound / factor..<end / factor
    }
}
