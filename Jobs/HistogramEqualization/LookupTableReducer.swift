import MapReduce

/// Phase 1's reducer: sums an image's band histograms and builds its lookup tables with the plan
/// that came with them, so it never opens the image.
public struct LookupTableReducer: Reducer {
    private var keepsHistograms = false

    public init() {}

    public mutating func setup(_ context: ReduceContext<String, EqualizationTable>) throws {
        keepsHistograms = try ResultArtifact.areRequested(by: context.parameters)
    }

    public mutating func reduce(
        _ path: String, values: ReduceValues<ImageHistogram>, context: ReduceContext<String, EqualizationTable>
    ) throws {
        var plan: EqualizationPlan?
        var total: [UInt64] = []
        for histogram in values {
            if let plan {
                guard histogram.plan == plan else {
                    throw DecodingError.malformed("\(path): bands were counted with different plans")
                }
            } else {
                plan = histogram.plan
                total = [UInt64](repeating: 0, count: histogram.plan.histogramCount * histogram.plan.bins)
            }
            guard histogram.counts.count == total.count else {
                throw DecodingError.malformed("\(path): a histogram of \(histogram.counts.count) bins, expected \(total.count)")
            }
            ElementwiseSumCombiner<UInt64>.combine(&total, with: histogram.counts)
        }
        guard let plan else { return }
        context.increment("IMAGES")
        try context.write(path, EqualizationTable(histograms: total, plan: plan, keepsHistograms: keepsHistograms))
    }
}
