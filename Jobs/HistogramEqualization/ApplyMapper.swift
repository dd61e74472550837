import ImageCodecs
import MapReduce

/// Phase 2's mapper: maps a band through its image's broadcast lookup tables and emits it keyed
/// by (image path, band index), so the one reduce receives each image's bands in order; band 0
/// carries the image's description for the writer. A TIFF band whose output strips or tiles
/// need encoding (compressed, tiled, planar or byte-swapped) is encoded here, so the maps of an
/// image compress it in parallel and the reduce only stores the chunks.
///
/// A JPEG is one band: it is decoded, equalized and encoded here, streaming (the decoder and the
/// encoder run on two threads at once), and the encoded file is emitted.
///
/// When the job is asked for artifacts, each band also carries its rows of the image's previews
/// before and after (``PreviewRows``): sampled from a TIFF band's samples on either side of the
/// tables, and from scaled decodes of a JPEG and of its result.
public struct ApplyMapper: Mapper {
    private var tables: [String: EqualizationTable] = [:]
    private var quality = 95
    private var writesPreviews = false

    public init() {}

    public mutating func setup(_ context: MapContext<KeyPair<String, Int>, BandPixels>) throws {
        tables = try EqualizationTable.byImage(in: context.info.broadcast)
        let settings = try HistogramSettings(parameters: context.parameters)
        quality = settings.quality
        writesPreviews = settings.writesArtifacts
    }

    public mutating func map(_ band: ImageBand, context: MapContext<KeyPair<String, Int>, BandPixels>) throws {
        let source = band.source
        guard let table = tables[source.path] else {
            throw ImageCodecError(.invalidArgument, path: source.path, "no lookup table was broadcast for this image")
        }
        switch band.takePixels() {
        case .tiff(let index, let rows):
            var pixels = BandPixels(index: index, firstRow: rows.lowerBound, rowCount: rows.count,
                                    planes: [try source.readRows(rows)])
            let sampler = writesPreviews ? PreviewSampler(source, rows: rows) : nil
            let before = sampler?.sample(pixels.planes[0])
            pixels.planes[0].withUnsafeMutableBytes {
                LookupApplier.apply($0, layout: source.layout, plan: source.plan, tables: table.tables)
            }
            if let sampler, let before {
                pixels.preview = sampler.previewRows(before: before, after: sampler.sample(pixels.planes[0]))
            }
            let written = try TIFFWriter.writtenInfo(for: source.info, path: source.path)
            if TIFFWriter.encodesApart(rows: rows, of: written) {
                let encoded = try TIFFWriter.encode(pixels.planes[0], rows: rows, of: written)
                pixels.planes = encoded.chunks
                pixels.chunkIndices = encoded.indices
            }
            if pixels.index == 0 { pixels.image = ImageDescription(source) }
            try context.emit(KeyPair(source.path, pixels.index), pixels)
        case .jpeg(let file):
            let encoded = try Self.equalize(file, source: source, tables: table.tables, quality: quality)
            try context.emit(
                KeyPair(source.path, 0),
                BandPixels(index: 0, firstRow: 0, rowCount: source.info.height, planes: [encoded], isEncodedImage: true,
                           image: ImageDescription(source),
                           preview: writesPreviews ? try Self.previews(of: file, equalized: encoded, path: source.path) : nil))
        case nil:
            return
        }
    }

    /// The previews of a JPEG and of its equalized version, from decodes at a reduced scale.
    private static func previews(of file: JPEGFile, equalized: [UInt8], path: String) throws -> PreviewRows {
        let decoder = try JPEGDecoder()
        let channels = file.header.colorSpace == .gray ? 1 : 3
        let before = PreviewSampler.sample(
            try decoder.decodeScaled(file.data, path: path, channels: channels, maxSide: PreviewSampler.maxSide))
        let after = PreviewSampler.sample(
            try decoder.decodeScaled(equalized, path: path, channels: channels, maxSide: PreviewSampler.maxSide))
        return PreviewRows(width: before.width, channels: channels, before: before.pixels, after: after.pixels)
    }

    /// Streams a JPEG through the tables into a new JPEG at `quality`, with the source's
    /// subsampling and its APPn and COM segments (an RGB JPEG's Adobe segment is dropped, since
    /// the output is YCbCr).
    private static func equalize(_ file: JPEGFile, source: ImageSource, tables: [[UInt16]], quality: Int) throws -> [UInt8] {
        guard let rows = source.jpegRows else {
            throw ImageCodecError(.invalidArgument, path: source.path, "this image is not a JPEG")
        }
        var metadata = file.metadata
        if file.header.colorSpace == .rgb {
            metadata.segments.removeAll { $0.marker == 0xEE && $0.starts(with: "Adobe") }
        }
        let (layout, plan) = (source.layout, source.plan)
        return try JPEGStream.transcode(file, as: rows, quality: quality, metadata: metadata) { band in
            LookupApplier.apply(band.bytes, layout: layout.withStride(band.stride), plan: plan, tables: tables)
        }
    }
}
