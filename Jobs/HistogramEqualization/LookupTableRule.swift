/// Builds an equalization lookup table from a histogram with the rule of OpenCV's `equalizeHist`.
///
/// With N pixels, L bins and cdf_min the count of the first non-empty bin i,
/// lut[v] = round((cdf(v) − cdf_min) × (L − 1) / (N − cdf_min)) for v ≥ i, and values below i
/// (which no pixel has) map to 0. As in OpenCV, the scale and the product are 32-bit floats and
/// rounding is to nearest, ties to even, so 8-bit results equal `cv2.equalizeHist` bit for bit.
/// An image with a single value (or no pixels) keeps its values: the table is the identity.
public enum LookupTableRule {
    /// The table for `histogram` (`L` counts).
    public static func table(for histogram: ArraySlice<UInt64>) -> [UInt16] {
        let bins = histogram.count
        let base = histogram.startIndex
        let total = histogram.reduce(0, &+)
        guard let first = histogram.firstIndex(where: { $0 != 0 }), histogram[first] != total else {
            return (0..<bins).map { UInt16(truncatingIfNeeded: $0) }
        }
        let scale = Float(bins - 1) / Float(total - histogram[first])
        var table = [UInt16](repeating: 0, count: bins)
        var sum: UInt64 = 0
        for value in (first + 1)..<histogram.endIndex {
            sum += histogram[value]
            let scaled = (Float(sum) * scale).rounded(.toNearestOrEven)
            table[value - base] = UInt16(min(max(scaled, 0), Float(bins - 1)))
        }
        return table
    }

    /// The table for a gray image stored with 0 as white: equalizes the displayed values
    /// (max − stored) and maps back to stored values.
    public static func invertedTable(for histogram: ArraySlice<UInt64>) -> [UInt16] {
        let maxValue = histogram.count - 1
        let displayed = table(for: ArraySlice(histogram.reversed()))
        return (0...maxValue).map { UInt16(maxValue - Int(displayed[maxValue - $0])) }
    }
}
