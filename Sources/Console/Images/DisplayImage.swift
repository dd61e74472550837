import ImageCodecs

/// An image reduced to what a browser shows: 8-bit gray or RGB, with its luma histogram.
///
/// TIFFs are decoded with ``TIFFReader`` (16-bit samples keep their high byte, min-is-white is
/// inverted, extra samples are dropped) and JPEGs with ``JPEGDecoder``; ``jpegPreview()``
/// encodes the result as a JPEG any browser displays.
struct DisplayImage {
    /// The displayable pixels.
    let raster: RasterImage
    /// A one-line description of the source, e.g. `TIFF 512×512, 1 × 8-bit gray, strips, …`.
    let summary: String

    /// Decodes the JPEG or TIFF at `path`.
    init(path: String) throws {
        switch try ImageFormat.requireDecodable(path: path) {
        case .tiff:
            let reader = try TIFFReader(path: path)
            let info = reader.info
            guard info.colorModel != .separated, info.colorSamples == 1 || info.colorSamples >= 3 else {
                throw ImageCodecError(.unsupportedLayout, path: path, "no preview for \(info.summary)")
            }
            let samples = try reader.readImage()
            let channels = info.colorSamples == 1 ? 1 : 3
            var pixels = [UInt8](repeating: 0, count: info.width * info.height * channels)
            let stride = info.samplesPerPixel
            let wide = info.bytesPerSample == 2
            let invert = info.colorModel == .minIsWhite
            samples.withUnsafeBytes { source in
                for pixel in 0..<(info.width * info.height) {
                    for channel in 0..<channels {
                        let sample = pixel * stride + channel
                        var value: UInt8
                        if wide {
                            value = UInt8(source.load(fromByteOffset: sample * 2, as: UInt16.self) >> 8)
                        } else {
                            value = source[sample]
                        }
                        if invert { value = 255 - value }
                        pixels[pixel * channels + channel] = value
                    }
                }
            }
            raster = try RasterImage(width: info.width, height: info.height, channels: channels, pixels: pixels)
            summary = info.summary
        default:
            let decoder = try JPEGDecoder()
            let file = try JPEGFile(path: path, decoder: decoder)
            let channels = file.header.colorSpace == .gray ? 1 : 3
            raster = try decoder.decode(file, channels: channels)
            summary = "JPEG \(file.header.width)×\(file.header.height), \(channels == 1 ? "gray" : "colour")"
        }
    }

    /// The 256-bin histogram of the gray value or of the luma `(19595 R + 38470 G + 7471 B + 32768) >> 16`.
    func histogram() -> [Int] {
        var bins = [Int](repeating: 0, count: 256)
        let pixels = raster.pixels
        if raster.channels == 1 {
            for value in pixels { bins[Int(value)] += 1 }
        } else {
            var index = 0
            while index + 2 < pixels.count {
                let luma = (19595 * Int(pixels[index]) + 38470 * Int(pixels[index + 1]) + 7471 * Int(pixels[index + 2]) + 32768) >> 16
                bins[luma] += 1
                index += raster.channels
            }
        }
        return bins
    }

    /// The image as a JPEG of quality 90.
    func jpegPreview() throws -> [UInt8] {
        try JPEGEncoder().encode(raster, quality: 90, path: "preview.jpg")
    }
}
