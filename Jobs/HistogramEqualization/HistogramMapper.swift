import MapReduce

/// Phase 1's mapper: counts the histograms of a band, keyed by its image's path, and sends the
/// image's plan with them.
public struct HistogramMapper: Mapper {
    public init() {}

    public mutating func map(_ band: ImageBand, context: MapContext<String, ImageHistogram>) throws {
        let source = band.source
        let histogram = band.withUnsafeEqualizedSamples { samples, rows in
            HistogramCounter.count(samples, layout: source.layout, rows: rows, plan: source.plan)
        }
        guard let histogram else { return }
        try context.emit(source.path, ImageHistogram(plan: source.plan, counts: histogram))
    }
}
