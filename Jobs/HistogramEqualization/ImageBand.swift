import ImageCodecs

/// One band of an input image, the record the job's input format hands its mappers.
///
/// A band is a reference that gives its pixels away once (``takePixels()``), so a mapper that
/// changes them in place works on the only copy.
public final class ImageBand {
    /// The pixels of a band.
    public enum Pixels {
        /// Rows `rows` of a TIFF, from band `index` on (a split may cover several bands), not read
        /// yet: the mapper reads them whole (``ImageSource/readRows(_:)``) or a strip at a time
        /// (``ImageSource/scanRows(_:_:)``).
        case tiff(index: Int, rows: Range<Int>)
        /// A whole JPEG, always one band, which the mapper streams through the codec a few rows
        /// at a time (see ``ImageSource/jpegRows``).
        case jpeg(JPEGFile)
    }

    /// The image it belongs to.
    public let source: ImageSource
    private var pixels: Pixels?

    /// Creates a record.
    public init(source: ImageSource, pixels: Pixels) {
        self.source = source
        self.pixels = pixels
    }

    /// Hands the pixels over, leaving the band empty; nil if they were already taken.
    public func takePixels() -> Pixels? {
        defer { pixels = nil }
        return pixels
    }
}
