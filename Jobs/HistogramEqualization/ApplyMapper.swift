import ImageCodecs
import MapReduce

/// Phase 2's mapper: maps a band through its image's broadcast lookup tables and emits it keyed
/// by (image path, band index), so the one reduce receives each image's bands in order; band 0
/// carries the image's description for the writer.
///
/// A JPEG is one band: it is equalized and encoded here, and the encoded file is emitted.
public struct ApplyMapper: Mapper {
    private var tables: [String: EqualizationTable] = [:]
    private var quality = 95

    public init() {}

    public mutating func setup(_ context: MapContext<KeyPair<String, Int>, BandPixels>) throws {
        tables = try EqualizationTable.byImage(in: context.info.broadcast)
        quality = try HistogramSettings(parameters: context.parameters).quality
    }

    public mutating func map(_ band: ImageBand, context: MapContext<KeyPair<String, Int>, BandPixels>) throws {
        let source = band.source
        guard let table = tables[source.path] else {
            throw ImageCodecError(.invalidArgument, path: source.path, "no lookup table was broadcast for this image")
        }
        switch band.takePixels() {
        case .rows(var pixels):
            pixels.planes[0].withUnsafeMutableBytes {
                LookupApplier.apply($0, layout: source.layout, plan: source.plan, tables: table.tables)
            }
            if pixels.index == 0 { pixels.image = ImageDescription(source) }
            try context.emit(KeyPair(source.path, pixels.index), pixels)
        case .jpeg(let image):
            let encoded = try Self.equalize(image, source: source, tables: table.tables, quality: quality)
            try context.emit(
                KeyPair(source.path, 0),
                BandPixels(index: 0, firstRow: 0, rowCount: source.info.height, planes: [encoded], isEncodedImage: true,
                           image: ImageDescription(source)))
        case nil:
            return
        }
    }

    /// Equalizes a decoded JPEG and encodes it; the pixels are freed on return, before the
    /// encoded file is emitted.
    private static func equalize(_ image: consuming DecodedJPEG, source: ImageSource, tables: [[UInt16]], quality: Int) throws -> [UInt8] {
        var image = image
        image.withUnsafeMutableEqualizedSamples {
            LookupApplier.apply($0, layout: source.layout, plan: source.plan, tables: tables)
        }
        if source.plan.neutralizesChroma { image.neutralizeChroma() }
        return try image.encoded(for: source, quality: quality)
    }
}
