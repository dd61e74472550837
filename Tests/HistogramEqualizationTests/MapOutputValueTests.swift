import Foundation
import HistogramEqualization
import ImageCodecs
import MapReduce
import TestSupport
import Testing

/// What the maps send so that the reduces never open an image round-trips, and is all the
/// apply reduce's writer needs.
struct MapOutputValueTests {
    func roundTrip<V: ShuffleValue & Equatable>(_ value: V) throws -> V {
        var writer = ByteWriter()
        value.encode(into: &writer)
        #expect(writer.count == value.encodedByteCount)
        return try writer.bytes.withUnsafeBytes { bytes in
            var reader = ByteReader(bytes)
            let decoded = try V(decoding: &reader)
            #expect(reader.isAtEnd)
            return decoded
        }
    }

    @Test func imageDescriptionsRoundTrip() throws {
        var infos = [
            try ImageInfo.probe(path: SharedData.images + "/low_contrast_x-ray.tiff"),
            try ImageInfo.probe(path: SharedData.images + "/extra/chandelier_canon_2048x1536_exif_orient6.jpg"),
        ]
        infos.append(
            ImageInfo(
                format: .tiff,
                width: 70,
                height: 90,
                samplesPerPixel: 4,
                bitsPerSample: 16,
                planarConfiguration: .separate,
                colorModel: .rgb,
                extraSamples: [.associatedAlpha],
                orientation: 6,
                pageCount: 3,
                resolution: ImageInfo.Resolution(x: 300.5, y: 72, unit: 3),
                iccProfile: [0, 1, 255],
                tiff: ImageInfo.TIFFLayout(
                    byteOrder: .bigEndian,
                    isBigTIFF: true,
                    compression: 8,
                    predictor: 2,
                    tileWidth: 16,
                    tileHeight: 32,
                    xmp: Array("<x/>".utf8)
                )
            )
        )
        for info in infos {
            for mode in EqualizationMode.allCases {
                let description = ImageDescription(info: info, mode: mode)
                #expect(try roundTrip(description) == description)
            }
        }
        let band = BandPixels(
            index: 0,
            firstRow: 0,
            rowCount: 2,
            planes: [[1, 2, 3]],
            image: ImageDescription(info: infos[0], mode: .luma)
        )
        #expect(try roundTrip(band) == band)
    }

    @Test func aLargeBandSplitsBeforeItsLastBufferWithTheSameBytes() throws {
        let large = (0..<(1 << 20) + 5).map { UInt8(truncatingIfNeeded: $0 * 7) }
        let bands = [
            BandPixels(index: 3, firstRow: 48, rowCount: 16, planes: [large]),
            BandPixels(index: 0, firstRow: 0, rowCount: 16, planes: [[9, 8, 7], large], image: nil),
            BandPixels(index: 1, firstRow: 0, rowCount: 1, planes: [large, [1, 2]]),
        ]
        for band in bands {
            var whole = ByteWriter()
            band.encode(into: &whole)
            let split = band.splitEncoding()
            #expect((split != nil) == (band.planes.last!.count >= 1 << 20))
            if let split {
                #expect(split.head + split.tail == whole.bytes)
                #expect(split.head.count < 64)
            }
            #expect(try roundTrip(band) == band)
        }
    }

    @Test func plansTravelWithTheirHistograms() throws {
        let plans = [
            EqualizationPlan(rule: .channels([0, 1, 2]), mode: .channels, bitsPerSample: 16),
            EqualizationPlan(rule: .luma(red: 0), mode: .luma, bitsPerSample: 8),
            EqualizationPlan(rule: .grayFromRGB(red: 1), mode: .gray, bitsPerSample: 8),
            EqualizationPlan(rule: .channels([0]), mode: .luma, bitsPerSample: 8, invertsValues: true),
            EqualizationPlan.lumaPlane(mode: .gray),
        ]
        for plan in plans {
            let histogram = ImageHistogram(
                plan: plan,
                counts: (0..<(plan.histogramCount * plan.bins)).map { UInt64($0 % 7) }
            )
            #expect(try roundTrip(histogram) == histogram)
        }
    }

    let reduceTask = TaskID(job: JobID(cluster: "1", sequence: 1), phase: 1, kind: .reduce, index: 0)

    @Test func theWriterNeedsOnlyWhatBandZeroCarries() throws {
        let directory = try TemporaryDirectory("histeq-writer-without-input")
        let input = "/nonexistent/staging/scan.tiff"
        let info = ImageInfo(
            format: .tiff,
            width: 4,
            height: 3,
            samplesPerPixel: 1,
            bitsPerSample: 8,
            colorModel: .minIsBlack,
            tiff: ImageInfo.TIFFLayout(byteOrder: .littleEndian, rowsPerStrip: 2)
        )
        let plan = EqualizationPlan(rule: .channels([0]), mode: .luma, bitsPerSample: 8)
        let table = EqualizationTable(histograms: [UInt64](repeating: 1, count: 256), plan: plan)
        let rows: [UInt8] = Array(0..<12)
        let writer = EqualizedImageWriter(task: reduceTask, directory: directory.path)
        try writer.write(
            input,
            EqualizedBand(
                pixels: BandPixels(
                    index: 0,
                    firstRow: 0,
                    rowCount: 2,
                    planes: [Array(rows[0..<8])],
                    image: ImageDescription(info: info, mode: .luma)
                ),
                table: table
            )
        )
        try writer.write(
            input,
            EqualizedBand(
                pixels: BandPixels(index: 1, firstRow: 2, rowCount: 1, planes: [Array(rows[8...])]),
                table: table
            )
        )
        try writer.close()
        let output = try TIFFReader(path: directory.file(PerInputOutputNaming.stagedName(forInput: input)))
        #expect(output.info.width == 4 && output.info.height == 3)
        #expect(try output.readRows(0..<3) == rows)
        let report = try String(contentsOfFile: directory.file("report-" + reduceTask.partFileName), encoding: .utf8)
        #expect(report.hasPrefix("\(input): TIFF 4×3, 1 × 8-bit gray"), "\(report)")
        #expect(report.contains("mode luma, 2 bands"), "\(report)")
    }

    @Test func aBandWithoutTheDescriptionCannotStartAnImage() throws {
        let directory = try TemporaryDirectory("histeq-writer-band-order")
        let writer = EqualizedImageWriter(task: reduceTask, directory: directory.path)
        let plan = EqualizationPlan(rule: .channels([0]), mode: .luma, bitsPerSample: 8)
        let band = EqualizedBand(
            pixels: BandPixels(index: 1, firstRow: 512, rowCount: 1, planes: [[0]]),
            table: EqualizationTable(histograms: [UInt64](repeating: 1, count: 256), plan: plan)
        )
        #expect {
            try writer.write("/in/scan.tiff", band)
        } throws: { error in
            (error as? ImageCodecError)?.description
                == "scan.tiff: band 1 (row 512) arrived where band 0 (row 0) was expected"
        }
    }
}
