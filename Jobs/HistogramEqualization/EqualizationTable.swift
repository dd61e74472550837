import MapReduce

/// An image's lookup tables and the spread of its equalized values before and after, as the
/// histogram phase broadcasts them to the apply phase.
public struct EqualizationTable: ShuffleValue, Sendable, Equatable {
    /// One table per histogram of the image's plan, each with a bin per sample value.
    public var tables: [[UInt16]]
    /// The spread of the counted values before equalization.
    public var before: SpreadStatistics
    /// Their spread after.
    public var after: SpreadStatistics
    /// The histograms before and after, kept for the histogram artifacts when the job is asked for them.
    public var histograms: HistogramPair?

    /// Creates a table value.
    public init(tables: [[UInt16]], before: SpreadStatistics, after: SpreadStatistics, histograms: HistogramPair? = nil) {
        self.tables = tables
        self.before = before
        self.after = after
        self.histograms = histograms
    }

    /// Builds the tables from an image's summed histograms (`plan.histogramCount × plan.bins`
    /// counts), keeping the histograms before and after when `keepsHistograms`.
    public init(histograms: [UInt64], plan: EqualizationPlan, keepsHistograms: Bool = false) {
        let bins = plan.bins
        var pooledBefore = [UInt64](repeating: 0, count: bins)
        var pooledAfter = [UInt64](repeating: 0, count: bins)
        var tables: [[UInt16]] = []
        for histogram in 0..<plan.histogramCount {
            let counts = histograms[(histogram * bins)..<((histogram + 1) * bins)]
            let table = plan.invertsValues
                ? LookupTableRule.invertedTable(for: counts) : LookupTableRule.table(for: counts)
            for (value, hits) in counts.enumerated() where hits > 0 {
                pooledBefore[value] += hits
                pooledAfter[Int(table[value])] += hits
            }
            tables.append(table)
        }
        self.init(
            tables: tables, before: SpreadStatistics(histogram: pooledBefore), after: SpreadStatistics(histogram: pooledAfter),
            histograms: keepsHistograms
                ? HistogramPair(pooledBefore: pooledBefore, pooledAfter: pooledAfter, invertsValues: plan.invertsValues) : nil)
    }

    /// The tables of a broadcast, by image path.
    public static func byImage(in broadcast: Broadcast) throws -> [String: EqualizationTable] {
        var tables: [String: EqualizationTable] = [:]
        for record in try broadcast.records(keyType: String.self, valueType: EqualizationTable.self) {
            tables[record.key] = record.value
        }
        return tables
    }

    public func encode(into writer: inout ByteWriter) {
        writer.writeVarint(UInt64(tables.count))
        for table in tables {
            writer.writeVarint(UInt64(table.count))
            for entry in table { writer.writeBigEndian(entry) }
        }
        for spread in [before, after] {
            writer.writeZigZag(Int64(spread.minimum))
            writer.writeZigZag(Int64(spread.maximum))
            spread.mean.encode(into: &writer)
            spread.standardDeviation.encode(into: &writer)
        }
        writer.write(histograms == nil ? 0 : 1)
        histograms?.encode(into: &writer)
    }

    public init(decoding reader: inout ByteReader) throws {
        let count = try reader.readVarint()
        guard count <= 16 else { throw DecodingError.malformed("\(count) lookup tables") }
        var tables: [[UInt16]] = []
        for _ in 0..<count {
            let bins = try reader.readVarint()
            guard bins <= 65_536 else { throw DecodingError.malformed("a lookup table of \(bins) entries") }
            tables.append(try (0..<Int(bins)).map { _ in try reader.readBigEndian(UInt16.self) })
        }
        var spreads: [SpreadStatistics] = []
        for _ in 0..<2 {
            spreads.append(SpreadStatistics(
                minimum: Int(try reader.readZigZag()), maximum: Int(try reader.readZigZag()),
                mean: try Double(decoding: &reader), standardDeviation: try Double(decoding: &reader)))
        }
        let histograms = try reader.readByte() != 0 ? try HistogramPair(decoding: &reader) : nil
        self.init(tables: tables, before: spreads[0], after: spreads[1], histograms: histograms)
    }

    public var approximateByteCount: Int { tables.reduce(histograms == nil ? 64 : 1088) { $0 + 2 * $1.count } }
}
