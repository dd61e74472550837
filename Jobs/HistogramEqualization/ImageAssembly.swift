import ImageCodecs
import MapReduce

/// Puts one equalized image together from its bands, in order, and writes it in its input's
/// format and layout.
///
/// A TIFF streams: each band is appended to a ``TIFFWriter``, which stores the strips or tiles
/// its map task compressed, or the rows as they are when they need no encoding. A JPEG arrives as one band already encoded by its map task (see ``ApplyMapper``),
/// which is written as it is.
final class ImageAssembly {
    /// The input's path, as the job names it.
    let path: String
    /// The input's description, sent with its band 0.
    let image: ImageDescription
    /// Where the output is written.
    let outputPath: String
    private var tiffWriter: TIFFWriter?
    private var encoded: [UInt8]?
    private var nextIndex = 0
    private var nextRow = 0

    /// Starts the output of the input at `path`, described by `image`, at `outputPath`.
    init(path: String, image: ImageDescription, outputPath: String) throws {
        self.path = path
        self.image = image
        self.outputPath = outputPath
        if image.info.format == .tiff {
            tiffWriter = try TIFFWriter(path: outputPath, info: image.info)
        }
    }

    /// The number of bands received.
    var bandCount: Int { nextIndex }

    /// Adds the next band.
    func append(_ band: BandPixels) throws {
        guard band.index == nextIndex, band.firstRow == nextRow else {
            throw ImageCodecError(
                .invalidArgument, path: path,
                "band \(band.index) (row \(band.firstRow)) arrived where band \(nextIndex) (row \(nextRow)) was expected")
        }
        guard band.planes.count == 1 || !band.chunkIndices.isEmpty, band.isEncodedImage == (tiffWriter == nil) else {
            throw ImageCodecError(.invalidArgument, path: path, "band \(band.index) does not hold what this image needs")
        }
        if let tiffWriter, !band.chunkIndices.isEmpty {
            try tiffWriter.append(
                encoded: TIFFEncodedBand(
                    rows: band.firstRow..<(band.firstRow + band.rowCount), indices: band.chunkIndices, chunks: band.planes))
        } else if let tiffWriter {
            try tiffWriter.append(rows: band.planes[0])
        } else {
            encoded = band.planes[0]
        }
        nextIndex += 1
        nextRow += band.rowCount
    }

    /// Checks that every row arrived and writes the file.
    func finish() throws {
        guard nextRow == image.info.height else {
            throw ImageCodecError(.invalidArgument, path: path, "only \(nextRow) of \(image.info.height) rows were equalized")
        }
        if let tiffWriter {
            try tiffWriter.finish()
        } else if let encoded {
            try FileBytes.write(encoded, to: outputPath)
        }
    }
}
