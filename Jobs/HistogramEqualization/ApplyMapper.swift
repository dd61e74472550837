import ImageCodecs
import MapReduce

/// Phase 2's mapper: maps a band through its image's broadcast lookup tables and emits it keyed
/// by (image path, band index), so the one reduce receives each image's bands in order.
public struct ApplyMapper: Mapper {
    private var tables: [String: EqualizationTable] = [:]

    public init() {}

    public mutating func setup(_ context: MapContext<KeyPair<String, Int>, BandPixels>) throws {
        tables = try EqualizationTable.byImage(in: context.info.broadcast)
    }

    public mutating func map(_ band: ImageBand, context: MapContext<KeyPair<String, Int>, BandPixels>) throws {
        let source = band.source
        guard let table = tables[source.path] else {
            throw ImageCodecError(.invalidArgument, path: source.path, "no lookup table was broadcast for this image")
        }
        var pixels = band.pixels
        pixels.planes[0].withUnsafeMutableBytes {
            LookupApplier.apply($0, layout: source.layout, plan: source.plan, tables: table.tables)
        }
        if source.plan.neutralizesChroma {
            for plane in pixels.planes.indices.dropFirst() {
                pixels.planes[plane].withUnsafeMutableBytes { _ = $0.initializeMemory(as: UInt8.self, repeating: 128) }
            }
        }
        try context.emit(KeyPair(source.path, pixels.index), pixels)
    }
}
