import ImageCodecs

/// Reduces an image to the pixels of its preview artifacts: 8-bit gray or RGB, every `step`-th
/// row and column (nearest neighbour) so that the longer side has at most ``maxSide`` pixels.
///
/// TIFF samples become displayable as the console used to show them: 16-bit samples keep their
/// high byte, min-is-white is inverted, extra samples are dropped; separated (CMYK) images get no
/// preview. A TIFF band samples the rows whose number in the whole image is a multiple of the
/// step, so the writer stacks the bands' rows into the preview.
struct PreviewSampler {
    /// The longest side of a preview, in pixels.
    static let maxSide = 1024

    private let info: ImageInfo
    private let layout: SampleLayout
    private let rows: Range<Int>
    private let channels: Int
    private let step: Int

    /// A sampler of rows `rows` of the TIFF `source`, or nil when the image gets no preview.
    init?(_ source: ImageSource, rows: Range<Int>) {
        let info = source.info
        guard info.colorModel != .separated, info.colorSamples == 1 || info.colorSamples >= 3 else { return nil }
        self.info = info
        layout = source.layout
        self.rows = rows
        channels = info.colorSamples == 1 ? 1 : 3
        step = Self.step(width: info.width, height: info.height)
    }

    /// Every how many rows and columns an image of `width` × `height` is sampled.
    static func step(width: Int, height: Int) -> Int {
        max(1, (max(width, height) + maxSide - 1) / maxSide)
    }

    /// The band's preview pixels from its interleaved `samples`.
    func sample(_ samples: [UInt8]) -> [UInt8] {
        let first = (rows.lowerBound + step - 1) / step * step
        let bytesPerPixel = layout.samplesPerPixel * layout.bytesPerSample
        let wide = layout.bytesPerSample == 2
        let inverts = info.colorModel == .minIsWhite
        var pixels: [UInt8] = []
        pixels.reserveCapacity(previewWidth * channels * ((rows.upperBound - first + step - 1) / step))
        samples.withUnsafeBytes { samples in
            for row in stride(from: first, to: rows.upperBound, by: step) {
                let rowStart = (row - rows.lowerBound) * layout.stride
                for column in stride(from: 0, to: info.width, by: step) {
                    let pixel = rowStart + column * bytesPerPixel
                    for channel in 0..<channels {
                        let offset = pixel + channel * layout.bytesPerSample
                        let value = wide ? UInt8(samples.loadUnaligned(fromByteOffset: offset, as: UInt16.self) >> 8) : samples[offset]
                        pixels.append(inverts ? 255 - value : value)
                    }
                }
            }
        }
        return pixels
    }

    /// The band's preview rows from its pixels sampled before and after equalization.
    func previewRows(before: [UInt8], after: [UInt8]) -> PreviewRows {
        PreviewRows(width: previewWidth, channels: channels, before: before, after: after)
    }

    private var previewWidth: Int { (info.width + step - 1) / step }

    /// The preview pixels of a whole decoded image, and their width.
    static func sample(_ raster: RasterImage) -> (width: Int, pixels: [UInt8]) {
        let step = step(width: raster.width, height: raster.height)
        let width = (raster.width + step - 1) / step
        var pixels: [UInt8] = []
        pixels.reserveCapacity(width * raster.channels * ((raster.height + step - 1) / step))
        raster.pixels.withUnsafeBufferPointer { source in
            for row in stride(from: 0, to: raster.height, by: step) {
                for column in stride(from: 0, to: raster.width, by: step) {
                    let pixel = (row * raster.width + column) * raster.channels
                    pixels.append(contentsOf: source[pixel..<(pixel + raster.channels)])
                }
            }
        }
        return (width, pixels)
    }
}
