import Foundation
import HistogramEqualization
import ImageCodecs
import MapReduce
import TestSupport
import Testing

/// Bands whose encoded pixels pass the map output buffer's large-value threshold (1 MiB) keep
/// their own buffers there; the result must not depend on it.
struct LargeBandTests {
    @Test func largeAndSmallBandsGiveTheOraclesOutput() throws {
        let directory = try TemporaryDirectory("histeq-large-bands")
        let (width, height) = (700, 600)
        let layout = HisteqFixtures.Layout(bits: 8, samples: 3, separate: false, tiled: false)
        let values = HisteqFixtures.samples(width: width, height: height, layout: layout, seed: 11)
        let input = try HisteqFixtures.writeTIFF(
            values,
            width: width,
            height: height,
            layout: layout,
            to: directory.file("big.tif")
        )
        let expected = HisteqFixtures.expected(values, layout: layout, mode: .luma)
        for (name, parameters) in [
            ("one", ["histeq.bands": "1"]), ("two", ["histeq.bands": "2"]), ("many", ["histeq.rows-per-band": "25"]),
        ] {
            let output = try HisteqFixtures.run([input], in: directory, parameters: parameters, name: name)[0]
            let (info, result) = try HisteqFixtures.readTIFF(output)
            #expect(info.width == width && info.height == height, "\(name)")
            #expect(result == expected, "\(name)")
        }
    }
}
