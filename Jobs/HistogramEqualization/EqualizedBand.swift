/// A band of an equalized image on its way to the output writer, with the image's spread
/// statistics for the report.
public struct EqualizedBand {
    /// The band's pixels.
    public var pixels: BandPixels
    /// The image's lookup tables and spreads.
    public var table: EqualizationTable

    /// Creates a record.
    public init(pixels: BandPixels, table: EqualizationTable) {
        self.pixels = pixels
        self.table = table
    }
}
