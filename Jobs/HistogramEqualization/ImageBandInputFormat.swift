import ImageCodecs
import MapReduce

/// Reads JPEG and TIFF images as bands of rows.
///
/// A TIFF gives one split per band, or per run of about ``bandsPerSplit`` consecutive bands,
/// the runs as even as can be (`start` and `length` count rows), and its map task decodes only
/// the strips or tiles of those rows. A JPEG cannot be decoded (or encoded) in parts, so it
/// is one split and one band: its map task hands the mapper the file, which the mapper streams
/// through the codec.
/// Every image is opened when the splits are made, so a file that cannot be read fails the job
/// before any task runs, in one line that names it.
public struct ImageBandInputFormat: InputFormat {
    /// The job's settings: mode, banding and pixel limit.
    public let settings: HistogramSettings
    /// How many consecutive bands one split covers at most; the image's bands are shared out as
    /// evenly as can be among the fewest splits that allows.
    public let bandsPerSplit: Int

    /// Creates the format.
    public init(settings: HistogramSettings, bandsPerSplit: Int = 1) {
        self.settings = settings
        self.bandsPerSplit = max(1, bandsPerSplit)
    }

    /// Splits every image into bands; the split size is not used (bands follow the settings).
    public func splits(of files: [InputFile], splitSize: Int64) throws -> [InputSplit] {
        var splits: [InputSplit] = []
        for file in files {
            let source = try ImageSource(path: file.readPath, settings: settings, headerOnly: true)
            if source.decoding == .tiff {
                let bands = source.geometry.count
                let count = (bands + bandsPerSplit - 1) / bandsPerSplit
                for split in 0..<count {
                    let rows = source.geometry.rows(ofBands: split * bands / count..<(split + 1) * bands / count)
                    splits.append(InputSplit(path: file.path, start: Int64(rows.lowerBound), length: Int64(rows.count)))
                }
            } else {
                splits.append(InputSplit(path: file.path, start: 0, length: Int64(source.info.height)))
            }
        }
        return splits
    }

    /// Reads the band of `split` from ``InputSplit/readPath``; errors name the image by its
    /// ``InputSplit/path``, never by a tracker's local copy.
    public func read(_ split: InputSplit, _ body: (ImageBand) throws -> Void) throws -> Int64 {
        do {
            return try readBand(split, body)
        } catch let error as ImageCodecError where split.localPath != nil && error.file == ImageCodecError.displayName(of: split.readPath) {
            throw ImageCodecError(error.kind, path: split.path, error.message)
        }
    }

    private func readBand(_ split: InputSplit, _ body: (ImageBand) throws -> Void) throws -> Int64 {
        let source = try ImageSource(path: split.path, readingFrom: split.readPath, settings: settings)
        guard source.decoding == .tiff else {
            guard let file = source.jpeg else { return 0 }
            try body(ImageBand(source: source, pixels: .jpeg(file)))
            return Int64(file.data.count)
        }
        let rows = Int(split.start)..<Int(split.end)
        let geometry = source.geometry
        guard let index = geometry.band(startingAt: rows.lowerBound),
              rows.upperBound == geometry.height || geometry.band(startingAt: rows.upperBound) != nil,
              rows.count <= bandsPerSplit * geometry.rowsPerBand
        else {
            throw ImageCodecError(.invalidArgument, path: split.path, "rows \(rows) are not a split of this image")
        }
        try body(ImageBand(source: source, pixels: .tiff(index: index, rows: rows)))
        return Int64(rows.count * source.info.bytesPerRow)
    }
}
