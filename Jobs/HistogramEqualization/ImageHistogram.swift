import MapReduce

/// The histograms of part of an image, with the image's equalization plan, as phase 1's maps
/// emit them: the reduce builds the lookup tables from the sum and the plan without opening the image.
public struct ImageHistogram: ShuffleValue, Sendable, Equatable {
    /// What the histograms count and how the tables are built.
    public var plan: EqualizationPlan
    /// `plan.histogramCount × plan.bins` counts, the histograms one after another.
    public var counts: [UInt64]

    /// Creates a value.
    public init(plan: EqualizationPlan, counts: [UInt64]) {
        self.plan = plan
        self.counts = counts
    }

    public func encode(into writer: inout ByteWriter) {
        plan.encode(into: &writer)
        counts.encode(into: &writer)
    }

    public init(decoding reader: inout ByteReader) throws {
        plan = try EqualizationPlan(decoding: &reader)
        counts = try [UInt64](decoding: &reader)
    }

    public var approximateByteCount: Int { 96 + counts.approximateByteCount }
}
