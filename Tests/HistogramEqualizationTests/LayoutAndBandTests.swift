import Foundation
import HistogramEqualization
import ImageCodecs
import MapReduce
import TestSupport
import Testing

/// Every mode on every TIFF layout, and the same output whatever the number of bands.
struct LayoutAndBandTests {
    @Test(arguments: HisteqFixtures.allLayouts)
    func everyModeOnLayout(_ layout: HisteqFixtures.Layout) throws {
        let directory = try TemporaryDirectory("histeq-layout")
        let (width, height) = (37, 29)
        let values = HisteqFixtures.samples(
            width: width,
            height: height,
            layout: layout,
            seed: UInt64(layout.samples * layout.bits)
        )
        let input = try HisteqFixtures.writeTIFF(
            values,
            width: width,
            height: height,
            layout: layout,
            to: directory.file("in.tif")
        )
        let original = try TIFFReader(path: input).info
        for mode in EqualizationMode.allCases {
            let output = try HisteqFixtures.run(
                [input],
                in: directory,
                parameters: ["histeq.mode": mode.rawValue, "histeq.bands": "3"],
                name: mode.rawValue
            )[0]
            let (info, result) = try HisteqFixtures.readTIFF(output)
            #expect(
                info.width == width && info.height == height && info.samplesPerPixel == layout.samples,
                "\(layout) \(mode)"
            )
            #expect(
                info.bitsPerSample == layout.bits && info.planarConfiguration == original.planarConfiguration,
                "\(layout) \(mode)"
            )
            #expect(
                info.extraSamples == original.extraSamples && info.tiff?.isTiled == layout.tiled,
                "\(layout) \(mode)"
            )
            #expect(result == HisteqFixtures.expected(values, layout: layout, mode: mode), "\(layout) \(mode)")
        }
    }

    @Test func oneThreeAndSevenBandsGiveTheSameOutput() throws {
        let directory = try TemporaryDirectory("histeq-bands")
        let tiff = HisteqFixtures.Layout(bits: 16, samples: 4, separate: true, tiled: true)
        let values = HisteqFixtures.samples(width: 70, height: 90, layout: tiff, seed: 5)
        let tiffInput = try HisteqFixtures.writeTIFF(
            values,
            width: 70,
            height: 90,
            layout: tiff,
            to: directory.file("bands.tif")
        )
        let jpegInput = directory.file("bands.jpg")
        let raster = try RasterImage(
            width: 70,
            height: 90,
            channels: 3,
            pixels: HisteqFixtures.samples(
                width: 70,
                height: 90,
                layout: HisteqFixtures.Layout(bits: 8, samples: 3, separate: false, tiled: false),
                seed: 6
            ).map { UInt8($0) }
        )
        try FileBytes.write(try JPEGEncoder().encode(raster, subsampling: .s420), to: jpegInput)
        for (index, input) in [tiffInput, jpegInput].enumerated() {
            var outputs: [Data] = []
            for bands in [1, 3, 7] {
                let output = try HisteqFixtures.run(
                    [input],
                    in: directory,
                    parameters: ["histeq.bands": "\(bands)"],
                    name: "b\(bands)-\(index)"
                )[0]
                outputs.append(try Data(contentsOf: URL(fileURLWithPath: output)))
            }
            #expect(outputs[0] == outputs[1] && outputs[1] == outputs[2], "\(input)")
        }
        let geometry = BandGeometry(height: 90, bytesPerRow: 560, alignment: 16, banding: .count(7))
        #expect(geometry.count == 6 && geometry.rowsPerBand == 16)
    }

    @Test func colorJPEGModesKeepLayoutAndMetadata() throws {
        let directory = try TemporaryDirectory("histeq-jpeg")
        let input = SharedData.images + "/extra/chandelier_canon_2048x1536_exif_orient6.jpg"
        let source = try JPEGFile(path: input)
        for mode in EqualizationMode.allCases {
            let output = try HisteqFixtures.run(
                [input],
                in: directory,
                parameters: ["histeq.mode": mode.rawValue],
                name: mode.rawValue
            )[0]
            let result = try JPEGFile(path: output)
            #expect(result.header.width == 2048 && result.header.height == 1536, "\(mode)")
            #expect(result.header.subsampling == source.header.subsampling, "\(mode)")
            #expect(result.info.orientation == 6 && result.metadata.segments.contains { $0.marker == 0xED }, "\(mode)")
            if mode == .gray {
                let rgb = try JPEGDecoder().decode(result, channels: 3).pixels
                var tint = 0
                for pixel in stride(from: 0, to: rgb.count, by: 3) {
                    let (red, green, blue) = (Int(rgb[pixel]), Int(rgb[pixel + 1]), Int(rgb[pixel + 2]))
                    tint = max(tint, abs(red - green), abs(green - blue))
                }
                #expect(tint <= 2, "gray mode leaves no colour")
            }
        }
    }
}
