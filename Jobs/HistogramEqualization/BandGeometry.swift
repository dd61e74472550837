/// How an image's rows are cut into bands: equal runs of rows, each a multiple of the storage's
/// row alignment (a TIFF's strip or tile height), the last one shorter. A JPEG, decoded and
/// encoded only whole, is always one band.
///
/// Aligned bands never share a strip or tile, so no strip is decoded by two tasks. The band
/// count asked for is therefore an upper bound: a TIFF stored as one strip is one band.
public struct BandGeometry: Sendable, Equatable {
    /// The rows covered.
    public let height: Int
    /// The rows of every band but the last.
    public let rowsPerBand: Int

    /// Cuts `height` rows of `bytesPerRow` bytes as `banding` asks, in multiples of `alignment` rows.
    public init(height: Int, bytesPerRow: Int, alignment: Int, banding: HistogramSettings.Banding) {
        let wanted: Int
        switch banding {
        case .count(let count): wanted = (height + count - 1) / count
        case .rows(let rows): wanted = rows
        case .bytes(let bytes): wanted = bytes / max(1, bytesPerRow)
        }
        let step = max(1, alignment)
        let aligned = (max(1, wanted) + step - 1) / step * step
        self.height = height
        rowsPerBand = min(aligned, height)
    }

    /// The number of bands.
    public var count: Int { (height + rowsPerBand - 1) / rowsPerBand }

    /// The rows of band `index`.
    public func rows(ofBand index: Int) -> Range<Int> {
        index * rowsPerBand..<min(height, (index + 1) * rowsPerBand)
    }

    /// The rows of bands `indices`, consecutive and not empty.
    public func rows(ofBands indices: Range<Int>) -> Range<Int> {
        rows(ofBand: indices.lowerBound).lowerBound..<rows(ofBand: indices.upperBound - 1).upperBound
    }

    /// The band that starts at row `row`, or nil when no band does.
    public func band(startingAt row: Int) -> Int? {
        row % rowsPerBand == 0 && row < height ? row / rowsPerBand : nil
    }
}
