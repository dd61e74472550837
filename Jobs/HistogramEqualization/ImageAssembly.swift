import ImageCodecs
import MapReduce

/// Puts one equalized image together from its bands, in order, and writes it in its input's
/// format and layout.
///
/// A TIFF streams: each band is appended to a ``TIFFWriter`` and encoded as its strips or tiles
/// complete. A JPEG is encoded in one call, so its bands are collected into whole planes (or one
/// pixel buffer) first, then encoded with the source's subsampling and metadata.
final class ImageAssembly {
    /// The input image.
    let source: ImageSource
    /// Where the output is written.
    let outputPath: String
    private let quality: Int
    private var tiffWriter: TIFFWriter?
    private var planes: [[UInt8]] = []
    private var nextIndex = 0
    private var nextRow = 0

    /// Starts the output of `source` at `outputPath`; JPEG outputs get `quality`.
    init(source: ImageSource, outputPath: String, quality: Int) throws {
        self.source = source
        self.outputPath = outputPath
        self.quality = quality
        if source.decoding == .tiff {
            tiffWriter = try TIFFWriter(path: outputPath, info: source.info)
        }
    }

    /// The number of bands received.
    var bandCount: Int { nextIndex }

    /// Adds the next band.
    func append(_ band: BandPixels) throws {
        guard band.index == nextIndex, band.firstRow == nextRow else {
            throw ImageCodecError(
                .invalidArgument, path: source.path,
                "band \(band.index) (row \(band.firstRow)) arrived where band \(nextIndex) (row \(nextRow)) was expected")
        }
        if let tiffWriter {
            try tiffWriter.append(rows: band.planes[0])
        } else if planes.isEmpty {
            planes = band.planes
            for plane in planes.indices { planes[plane].reserveCapacity(capacity(ofPlane: plane)) }
        } else {
            guard band.planes.count == planes.count else {
                throw ImageCodecError(.invalidArgument, path: source.path, "band \(band.index) has \(band.planes.count) planes, not \(planes.count)")
            }
            for plane in planes.indices { planes[plane].append(contentsOf: band.planes[plane]) }
        }
        nextIndex += 1
        nextRow += band.rowCount
    }

    /// Checks that every row arrived and writes the file.
    func finish() throws {
        let info = source.info
        guard nextRow == info.height else {
            throw ImageCodecError(.invalidArgument, path: source.path, "only \(nextRow) of \(info.height) rows were equalized")
        }
        if let tiffWriter {
            try tiffWriter.finish()
            return
        }
        guard let file = source.jpeg else { return }
        var metadata = file.metadata
        if file.header.colorSpace == .rgb {
            metadata.segments.removeAll { $0.marker == 0xEE && $0.starts(with: "Adobe") }
        }
        let encoder = try JPEGEncoder()
        let encoded: [UInt8]
        switch source.decoding {
        case .jpegPlanes(let subsampling) where subsampling != .gray:
            let yuv = try YUVPlanes(width: info.width, height: info.height, subsampling: subsampling, planes: planes)
            planes = []
            encoded = try encoder.encode(yuv, quality: quality, metadata: metadata, path: outputPath)
        case .jpegPixels(let channels):
            let raster = try RasterImage(width: info.width, height: info.height, channels: channels, pixels: planes[0])
            planes = []
            encoded = try encoder.encode(raster, subsampling: file.header.subsampling, quality: quality, metadata: metadata, path: outputPath)
        default:
            let raster = try RasterImage(width: info.width, height: info.height, channels: 1, pixels: planes[0])
            planes = []
            encoded = try encoder.encode(raster, quality: quality, metadata: metadata, path: outputPath)
        }
        try FileBytes.write(encoded, to: outputPath)
    }

    /// The bytes plane `index` of the whole image takes.
    private func capacity(ofPlane index: Int) -> Int {
        let info = source.info
        switch source.decoding {
        case .jpegPlanes(let subsampling):
            let geometry = PlaneGeometry(width: info.width, height: info.height, subsampling: subsampling)
            return geometry.width(ofPlane: index) * geometry.height(ofPlane: index)
        case .jpegPixels(let channels):
            return info.width * info.height * channels
        case .tiff:
            return 0
        }
    }
}
