import Foundation
import TestSupport
import Testing

/// `mrsubmit histeq` runs every attempt in a task process and moves bands and encoded JPEGs
/// through files and sockets; its outputs must be the in-process runner's, byte for byte.
struct EmbeddedClusterHisteqTests {
    @Test func embeddedClusterOutputsEqualTheInProcessRunner() throws {
        let directory = try TemporaryDirectory("histeq-embedded")
        let layout = HisteqFixtures.Layout(bits: 8, samples: 3, separate: false, tiled: false)
        let values = HisteqFixtures.samples(width: 700, height: 600, layout: layout, seed: 12)
        let tiff = try HisteqFixtures.writeTIFF(
            values,
            width: 700,
            height: 600,
            layout: layout,
            to: directory.file("big.tif")
        )
        let jpeg = directory.file("photo.jpg")
        try FileManager.default.copyItem(
            atPath: SharedData.images + "/extra/chandelier_canon_2048x1536_exif_orient6.jpg",
            toPath: jpeg
        )
        for (index, input) in [tiff, jpeg].enumerated() {
            let expected = try HisteqFixtures.run(
                [input],
                in: directory,
                parameters: ["histeq.bands": "3"],
                name: "local\(index)"
            )[0]
            let run = try ProcessOutput.run(
                HisteqCommandTests.executable,
                ["histeq", "--quiet", input, "-o", directory.file("cluster-out"), "--bands", "3", "--force"],
                in: directory.path
            )
            #expect(run.status == 0, "\(run.standardError)")
            #expect(
                try Data(contentsOf: URL(fileURLWithPath: directory.file("cluster-out")))
                    == Data(contentsOf: URL(fileURLWithPath: expected)),
                "\(input)"
            )
        }
    }
}
