import Foundation
import HistogramEqualization
import ImageCodecs
import MapReduce
import TestSupport
import Testing

/// The job's results against the rule written out in the tests, bit for bit, through TIFF output.
struct EqualizationOracleTests {
    @Test func grayTIFFsEqualTheOracle() throws {
        let directory = try TemporaryDirectory("histeq-gray")
        for bits in [8, 16] {
            let layout = HisteqFixtures.Layout(bits: bits, samples: 1, separate: false, tiled: false)
            let values = HisteqFixtures.samples(width: 83, height: 57, layout: layout, seed: UInt64(bits))
            let input = try HisteqFixtures.writeTIFF(
                values,
                width: 83,
                height: 57,
                layout: layout,
                to: directory.file("gray\(bits).tif")
            )
            let output = try HisteqFixtures.run([input], in: directory, name: "out\(bits)")[0]
            let (info, result) = try HisteqFixtures.readTIFF(output)
            #expect(info.bitsPerSample == bits && info.width == 83 && info.height == 57)
            let table = HisteqFixtures.oracleTable(values, levels: 1 << bits)
            #expect(result == values.map { table[$0] })
            #expect(result.min() == 0 && result.max() == (1 << bits) - 1)
        }
    }

    @Test func realSixteenBitMicroscopyEqualsTheOracle() throws {
        let directory = try TemporaryDirectory("histeq-speckles")
        let input = SharedData.images + "/extra/speckles_h2ax_16bit_be_1200x1000.tif"
        let output = try HisteqFixtures.run([input], in: directory, parameters: ["histeq.bands": "7"])[0]
        let (_, original) = try HisteqFixtures.readTIFF(input)
        let (info, result) = try HisteqFixtures.readTIFF(output)
        let table = HisteqFixtures.oracleTable(original, levels: 65_536)
        #expect(result == original.map { table[$0] })
        #expect(info.tiff?.byteOrder == .bigEndian && info.tiff?.rowsPerStrip == 3)
    }

    @Test func anImageWithOneValueIsUnchanged() throws {
        let directory = try TemporaryDirectory("histeq-flat")
        let layout = HisteqFixtures.Layout(bits: 8, samples: 3, separate: false, tiled: false)
        let values = [Int](repeating: 77, count: 20 * 10 * 3)
        let input = try HisteqFixtures.writeTIFF(
            values,
            width: 20,
            height: 10,
            layout: layout,
            to: directory.file("flat.tif")
        )
        for mode in EqualizationMode.allCases {
            let output = try HisteqFixtures.run(
                [input],
                in: directory,
                parameters: ["histeq.mode": mode.rawValue],
                name: mode.rawValue
            )[0]
            #expect(try HisteqFixtures.readTIFF(output).values == values, "\(mode)")
        }
    }

    @Test func minIsWhiteEqualizesTheDisplayedValues() throws {
        let directory = try TemporaryDirectory("histeq-miniswhite")
        let layout = HisteqFixtures.Layout(bits: 8, samples: 1, separate: false, tiled: false)
        let values = HisteqFixtures.samples(width: 40, height: 30, layout: layout, seed: 9)
        let input = try HisteqFixtures.writeTIFF(
            values,
            width: 40,
            height: 30,
            layout: layout,
            to: directory.file("white.tif"),
            colorModel: .minIsWhite
        )
        let output = try HisteqFixtures.run([input], in: directory)[0]
        let table = HisteqFixtures.oracleTable(values.map { 255 - $0 }, levels: 256)
        #expect(try HisteqFixtures.readTIFF(output).values == values.map { 255 - table[255 - $0] })
    }

    @Test func grayJPEGMatchesTheOracleWithinJPEGError() throws {
        let directory = try TemporaryDirectory("histeq-hawkes")
        let input = SharedData.images + "/Unequalized_Hawkes_Bay_NZ.jpg"
        let output = try HisteqFixtures.run([input], in: directory)[0]
        let decoder = try JPEGDecoder()
        let original = try decoder.decode(JPEGFile(path: input), channels: 1).pixels.map(Int.init)
        let result = try decoder.decode(JPEGFile(path: output), channels: 1).pixels.map(Int.init)
        let table = HisteqFixtures.oracleTable(original, levels: 256)
        let error = zip(result, original).map { abs($0 - table[$1]) }
        #expect(Double(error.reduce(0, +)) / Double(error.count) < 2)
        #expect(try JPEGFile(path: output).info.width == 330)
    }

    @Test func tablesFollowTheRuleOnEdgeCases() {
        #expect(LookupTableRule.table(for: [0, 0, 5, 0]) == [0, 1, 2, 3])
        #expect(LookupTableRule.table(for: [0, 2, 0, 2]) == [0, 0, 0, 3])
        #expect(LookupTableRule.table(for: [1, 1, 1, 1]) == [0, 1, 2, 3])
        #expect(LookupTableRule.invertedTable(for: [1, 1, 0, 0]) == [0, 3, 3, 3])
    }
}
