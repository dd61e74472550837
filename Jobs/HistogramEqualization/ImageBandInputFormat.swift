import ImageCodecs
import MapReduce

/// Reads JPEG and TIFF images as bands of rows.
///
/// A TIFF gives one split per band (`start` and `length` count rows), and its map task decodes
/// only the strips or tiles of that band. A JPEG cannot be decoded in parts, so it is one split
/// covering all its rows: its map task decodes it once and hands the mapper its bands in order.
/// Every image is opened when the splits are made, so a file that cannot be read fails the job
/// before any task runs, in one line that names it.
public struct ImageBandInputFormat: InputFormat {
    /// The job's settings: mode, banding and pixel limit.
    public let settings: HistogramSettings

    /// Creates the format.
    public init(settings: HistogramSettings) {
        self.settings = settings
    }

    /// Splits every image into bands; the split size is not used (bands follow the settings).
    public func splits(of files: [InputFile], splitSize: Int64) throws -> [InputSplit] {
        var splits: [InputSplit] = []
        for file in files {
            let source = try ImageSource(path: file.path, settings: settings)
            if source.decoding == .tiff {
                for band in 0..<source.geometry.count {
                    let rows = source.geometry.rows(ofBand: band)
                    splits.append(InputSplit(path: file.path, start: Int64(rows.lowerBound), length: Int64(rows.count)))
                }
            } else {
                splits.append(InputSplit(path: file.path, start: 0, length: Int64(source.info.height)))
            }
        }
        return splits
    }

    public func read(_ split: InputSplit, _ body: (ImageBand) throws -> Void) throws -> Int64 {
        let source = try ImageSource(path: split.path, settings: settings)
        switch source.decoding {
        case .tiff:
            let rows = Int(split.start)..<Int(split.end)
            guard let index = source.geometry.band(startingAt: rows.lowerBound), source.geometry.rows(ofBand: index) == rows else {
                throw ImageCodecError(.invalidArgument, path: split.path, "rows \(rows) are not a band of this image")
            }
            let pixels = try source.readRows(rows)
            try body(ImageBand(source: source, pixels: BandPixels(index: index, firstRow: rows.lowerBound, rowCount: rows.count, planes: [pixels])))
            return Int64(pixels.count)
        case .jpegPlanes(let subsampling):
            guard let file = source.jpeg else { return 0 }
            let decoded = try JPEGDecoder().decodeYUV(file)
            let planes = PlaneGeometry(width: source.info.width, height: source.info.height, subsampling: subsampling)
            for band in 0..<source.geometry.count {
                let rows = source.geometry.rows(ofBand: band)
                let parts = (0..<planes.planeCount).map { plane in
                    let width = planes.width(ofPlane: plane)
                    let planeRows = planes.planeRows(plane, imageRows: rows)
                    return Array(decoded.planes[plane][(planeRows.lowerBound * width)..<(planeRows.upperBound * width)])
                }
                try body(ImageBand(source: source, pixels: BandPixels(index: band, firstRow: rows.lowerBound, rowCount: rows.count, planes: parts)))
            }
            return Int64(file.data.count)
        case .jpegPixels(let channels):
            guard let file = source.jpeg else { return 0 }
            let decoded = try JPEGDecoder().decode(file, channels: channels)
            for band in 0..<source.geometry.count {
                let rows = source.geometry.rows(ofBand: band)
                let part = Array(decoded.pixels[(rows.lowerBound * decoded.bytesPerRow)..<(rows.upperBound * decoded.bytesPerRow)])
                try body(ImageBand(source: source, pixels: BandPixels(index: band, firstRow: rows.lowerBound, rowCount: rows.count, planes: [part])))
            }
            return Int64(file.data.count)
        }
    }
}
