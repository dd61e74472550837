/// One band of an input image, the record the job's input format hands its mappers.
///
/// A band is a reference that gives its pixels away once (``takePixels()``), so a mapper that
/// changes them in place works on the only copy.
public final class ImageBand {
    /// The pixels of a band.
    public enum Pixels {
        /// Rows of a TIFF, read from the band's strips or tiles.
        case rows(BandPixels)
        /// A whole JPEG, which is always one band.
        case jpeg(DecodedJPEG)
    }

    /// The image it belongs to.
    public let source: ImageSource
    private var pixels: Pixels?

    /// Creates a record.
    public init(source: ImageSource, pixels: Pixels) {
        self.source = source
        self.pixels = pixels
    }

    /// Calls `body` with the samples ``ImageSource/layout`` describes and the image rows they hold.
    public func withUnsafeEqualizedSamples<R>(_ body: (UnsafeRawBufferPointer, Int) throws -> R) rethrows -> R? {
        switch pixels {
        case .rows(let band): try band.planes[0].withUnsafeBytes { try body($0, band.rowCount) }
        case .jpeg(let image): try image.withUnsafeEqualizedSamples { try body($0, source.info.height) }
        case nil: nil
        }
    }

    /// Hands the pixels over, leaving the band empty; nil if they were already taken.
    public func takePixels() -> Pixels? {
        defer { pixels = nil }
        return pixels
    }
}
