import ImageCodecs
import MapReduce

/// The artifacts of one equalized image: its previews before and after, stacked from the rows
/// its bands carry and encoded as JPEGs, and its histograms before and after.
///
/// They are named after the input's file name and its place among the writer's images, so the
/// console shows `photo.tif before` (preview and histogram) beside `photo.tif after`.
final class ImageArtifacts {
    /// The JPEG quality of the previews.
    static let quality = 85

    private let label: String
    private let order: Int
    private var width = 0
    private var channels = 0
    private var before: [UInt8] = []
    private var after: [UInt8] = []
    private var isComplete = true

    /// Starts the artifacts of the input at `path`, the writer's `index`-th image (from 0).
    init(path: String, index: Int) {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        var cleaned = ""
        for character in name where cleaned.utf8.count + character.utf8.count <= 100 {
            let isControl = character.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
            cleaned.append(isControl || character == "\\" ? "_" : character)
        }
        label = cleaned
        order = 2 * index + 1
    }

    /// Adds the preview rows of the next band; a band without them leaves the image without previews.
    func append(_ rows: PreviewRows?) {
        guard isComplete, let rows, before.isEmpty || (rows.width == width && rows.channels == channels) else {
            isComplete = false
            return
        }
        (width, channels) = (rows.width, rows.channels)
        before += rows.before
        after += rows.after
    }

    /// Writes the previews (when every band brought its rows) and `histograms` into `directory`.
    func write(histograms: HistogramPair?, in directory: String) throws {
        let names = ["\(order)-\(label) before", "\(order + 1)-\(label) after"]
        if isComplete, width > 0, !before.isEmpty {
            let encoder = try JPEGEncoder()
            for (name, pixels) in zip(names, [before, after]) {
                let raster = try RasterImage(width: width, height: pixels.count / (width * channels), channels: channels, pixels: pixels)
                try ResultArtifact(name: name, kind: .image, fileExtension: "jpg")
                    .write(try encoder.encode(raster, quality: Self.quality, path: name), in: directory)
            }
        }
        if let histograms {
            for (name, counts) in zip(names, [histograms.before, histograms.after]) {
                try ResultArtifact(name: name, kind: .histogram).write(ResultArtifact.histogramContent(counts), in: directory)
            }
        }
    }
}
