import ImageCodecs
import MapReduce

/// Phase 1's mapper: counts the histograms of a band, keyed by its image's path, and sends the
/// image's plan with them. A JPEG is counted as it streams out of the decoder, a few rows at a time.
public struct HistogramMapper: Mapper {
    public init() {}

    public mutating func map(_ band: ImageBand, context: MapContext<String, ImageHistogram>) throws {
        let source = band.source
        let plan = source.plan
        var histogram: [UInt64]
        switch band.takePixels() {
        case .rows(let pixels):
            histogram = pixels.planes[0].withUnsafeBytes {
                HistogramCounter.count($0, layout: source.layout, rows: pixels.rowCount, plan: plan)
            }
        case .jpeg(let file):
            guard let rows = source.jpegRows else { return }
            histogram = [UInt64](repeating: 0, count: plan.histogramCount * plan.bins)
            let layout = source.layout
            try JPEGStream.scan(file, as: rows) { band in
                let counts = HistogramCounter.count(
                    UnsafeRawBufferPointer(band.bytes), layout: layout.withStride(band.stride), rows: band.rows, plan: plan)
                for bin in counts.indices { histogram[bin] &+= counts[bin] }
            }
        case nil:
            return
        }
        try context.emit(source.path, ImageHistogram(plan: plan, counts: histogram))
    }
}
