import Foundation
import HistogramEqualization
import ImageCodecs
import MapReduce
import TestSupport
import Testing

/// Asked for artifacts (`mapreduce.artifacts=true`), histeq attaches each image's previews before
/// and after and its histograms, and writes the same images as without them; not asked, it
/// writes no artifact.
struct ArtifactTests {
    @Test func artifactsComeOnlyWhenAskedAndChangeNoOutputByte() throws {
        let directory = try TemporaryDirectory("histeq-artifacts")
        let gray = HisteqFixtures.Layout(bits: 8, samples: 1, separate: false, tiled: false)
        let values = HisteqFixtures.samples(width: 37, height: 29, layout: gray, seed: 3)
        let tiff = try HisteqFixtures.writeTIFF(
            values,
            width: 37,
            height: 29,
            layout: gray,
            to: directory.file("gray.tif")
        )
        let jpeg = directory.file("colour.jpg")
        let rgb = HisteqFixtures.Layout(bits: 8, samples: 3, separate: false, tiled: false)
        let raster = try RasterImage(
            width: 40,
            height: 30,
            channels: 3,
            pixels: HisteqFixtures.samples(width: 40, height: 30, layout: rgb, seed: 4).map { UInt8($0) }
        )
        try FileBytes.write(try JPEGEncoder().encode(raster), to: jpeg)
        let wide = HisteqFixtures.Layout(bits: 16, samples: 4, separate: true, tiled: true)
        let wideValues = HisteqFixtures.samples(width: 70, height: 50, layout: wide, seed: 5)
        let rgba = try HisteqFixtures.writeTIFF(
            wideValues,
            width: 70,
            height: 50,
            layout: wide,
            to: directory.file("rgba.tif")
        )
        let inputs = [tiff, jpeg, rgba]

        let plain = try HisteqFixtures.run(inputs, in: directory, parameters: ["histeq.bands": "3"], name: "plain")
        let asked = try HisteqFixtures.run(
            inputs,
            in: directory,
            parameters: ["histeq.bands": "3", "mapreduce.artifacts": "true"],
            name: "asked"
        )
        for (a, b) in zip(plain, asked) {
            #expect(try Data(contentsOf: URL(fileURLWithPath: a)) == Data(contentsOf: URL(fileURLWithPath: b)), "\(a)")
        }
        let plainNames = try FileManager.default.contentsOfDirectory(atPath: directory.file("plain"))
        #expect(!plainNames.contains { $0.hasPrefix("_artifact.") }, "\(plainNames)")

        // The one reduce writes the images in the order of their paths, and numbers them so.
        let artifacts = try FileManager.default.contentsOfDirectory(atPath: directory.file("asked")).compactMap(
            ResultArtifact.init(fileName:)
        )
        #expect(artifacts.count == 12, "\(artifacts.map(\.fileName))")
        for (index, name) in ["colour.jpg", "gray.tif", "rgba.tif"].enumerated() {
            for (offset, when) in ["before", "after"].enumerated() {
                let title = "\(2 * index + 1 + offset)-\(name) \(when)"
                #expect(
                    artifacts.contains(try ResultArtifact(name: title, kind: .image, fileExtension: "jpg")),
                    "\(title)"
                )
                #expect(artifacts.contains(try ResultArtifact(name: title, kind: .histogram)), "\(title)")
            }
        }

        let histogram = { (name: String) throws -> [Int] in
            try JSONDecoder().decode(
                [Int].self,
                from: Data(
                    contentsOf: URL(
                        fileURLWithPath: directory.file(
                            "asked/" + (try ResultArtifact(name: name, kind: .histogram)).fileName
                        )
                    )
                )
            )
        }
        var before = [Int](repeating: 0, count: 256)
        for value in values { before[value] += 1 }
        #expect(try histogram("3-gray.tif before") == before)
        var after = [Int](repeating: 0, count: 256)
        for value in try HisteqFixtures.readTIFF(asked[0]).values { after[value] += 1 }
        #expect(try histogram("4-gray.tif after") == after)
        #expect(try histogram("5-rgba.tif before").reduce(0, +) == 70 * 50, "luma: one value per pixel")

        let preview = try JPEGFile(
            path: directory.file("asked/" + (try ResultArtifact(name: "3-gray.tif before", kind: .image)).fileName)
        )
        #expect((preview.header.width, preview.header.height) == (37, 29))
        let shown = try JPEGDecoder().decode(preview, channels: 1).pixels
        let error = Double(zip(shown, values).map { abs(Int($0) - $1) }.reduce(0, +)) / Double(values.count)
        #expect(shown.count == values.count && error < 4, "the preview shows the input (mean difference \(error))")
        let colour = try JPEGFile(
            path: directory.file("asked/" + (try ResultArtifact(name: "2-colour.jpg after", kind: .image)).fileName)
        )
        #expect((colour.header.width, colour.header.height, colour.header.colorSpace != .gray) == (40, 30, true))
    }

    @Test func previewsOfLargeImagesAreDownscaledAcrossBands() throws {
        let directory = try TemporaryDirectory("histeq-preview-scale")
        let gray = HisteqFixtures.Layout(bits: 8, samples: 1, separate: false, tiled: false)
        let (width, height) = (2050, 40)
        let values = HisteqFixtures.samples(width: width, height: height, layout: gray, seed: 9)
        let input = try HisteqFixtures.writeTIFF(
            values,
            width: width,
            height: height,
            layout: gray,
            to: directory.file("wide.tif")
        )
        _ = try HisteqFixtures.run(
            [input],
            in: directory,
            parameters: ["histeq.bands": "5", "mapreduce.artifacts": "true"]
        )
        let preview = try JPEGFile(
            path: directory.file("out/" + (try ResultArtifact(name: "1-wide.tif before", kind: .image)).fileName)
        )
        #expect((preview.header.width, preview.header.height) == (684, 14), "every third row and column")
    }
}
