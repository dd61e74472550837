import ImageCodecs
import MapReduce

/// Phase 2's reducer: passes each image's equalized bands, in band order, to the image writer.
public struct BandAssemblyReducer: Reducer {
    private var tables: [String: EqualizationTable] = [:]

    public init() {}

    public mutating func setup(_ context: ReduceContext<String, EqualizedBand>) throws {
        tables = try EqualizationTable.byImage(in: context.info.broadcast)
    }

    public mutating func reduce(
        _ key: KeyPair<String, Int>, values: ReduceValues<BandPixels>, context: ReduceContext<String, EqualizedBand>
    ) throws {
        guard let table = tables[key.first] else {
            throw ImageCodecError(.invalidArgument, path: key.first, "no lookup table was broadcast for this image")
        }
        for pixels in values {
            try context.write(key.first, EqualizedBand(pixels: pixels, table: table))
        }
    }
}
