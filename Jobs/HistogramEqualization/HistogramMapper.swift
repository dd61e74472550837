import ImageCodecs
import MapReduce

/// Phase 1's mapper: counts the histograms of a band, keyed by its image's path, and sends the
/// image's plan with them. Neither a TIFF band nor a JPEG is held whole: a TIFF is counted a strip
/// (or row of tiles) at a time, a JPEG as it streams out of the decoder, a few rows at a time.
public struct HistogramMapper: Mapper {
    public init() {}

    public mutating func map(_ band: ImageBand, context: MapContext<String, ImageHistogram>) throws {
        let source = band.source
        let plan = source.plan
        var histogram: [UInt64]
        switch band.takePixels() {
        case .tiff(_, let rows):
            histogram = [UInt64](repeating: 0, count: plan.histogramCount * plan.bins)
            try source.scanRows(rows) { pixels, rowCount in
                HistogramCounter.add(pixels, layout: source.layout, rows: rowCount, plan: plan, to: &histogram)
            }
        case .jpeg(let file):
            guard let rows = source.jpegRows else { return }
            histogram = [UInt64](repeating: 0, count: plan.histogramCount * plan.bins)
            let layout = source.layout
            try JPEGStream.scan(file, as: rows) { band in
                HistogramCounter.add(
                    UnsafeRawBufferPointer(band.bytes), layout: layout.withStride(band.stride), rows: band.rows, plan: plan,
                    to: &histogram)
            }
        case nil:
            return
        }
        try context.emit(source.path, ImageHistogram(plan: plan, counts: histogram))
    }
}
