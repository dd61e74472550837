/// One band of an input image, the record the job's input format hands its mappers.
public struct ImageBand {
    /// The image it belongs to.
    public let source: ImageSource
    /// Its pixels.
    public var pixels: BandPixels

    /// Creates a record.
    public init(source: ImageSource, pixels: BandPixels) {
        self.source = source
        self.pixels = pixels
    }
}
