import MapReduce

/// Phase 1's reducer: sums an image's band histograms and builds its lookup tables.
public struct LookupTableReducer: Reducer {
    private var settings: HistogramSettings?

    public init() {}

    public mutating func setup(_ context: ReduceContext<String, EqualizationTable>) throws {
        settings = try HistogramSettings(parameters: context.parameters)
    }

    public mutating func reduce(
        _ path: String, values: ReduceValues<[UInt64]>, context: ReduceContext<String, EqualizationTable>
    ) throws {
        guard let settings else { return }
        let plan = try ImageSource(path: path, settings: settings).plan
        var total = [UInt64](repeating: 0, count: plan.histogramCount * plan.bins)
        for histogram in values {
            guard histogram.count == total.count else {
                throw DecodingError.malformed("\(path): a histogram of \(histogram.count) bins, expected \(total.count)")
            }
            ElementwiseSumCombiner<UInt64>.combine(&total, with: histogram)
        }
        context.increment("IMAGES")
        try context.write(path, EqualizationTable(histograms: total, plan: plan))
    }
}
