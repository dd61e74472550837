import MapReduce

/// Phase 1's mapper: counts the histograms of a band, keyed by its image's path.
public struct HistogramMapper: Mapper {
    public init() {}

    public mutating func map(_ band: ImageBand, context: MapContext<String, [UInt64]>) throws {
        let source = band.source
        let histogram = band.pixels.planes[0].withUnsafeBytes {
            HistogramCounter.count($0, layout: source.layout, rows: band.pixels.rowCount, plan: source.plan)
        }
        try context.emit(source.path, histogram)
    }
}
