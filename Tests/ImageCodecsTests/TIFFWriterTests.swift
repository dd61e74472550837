import Foundation
import ImageCodecs
import Testing

@Suite("TIFF writing and TIFF refusals")
struct TIFFWriterTests {
    struct Layout: Sendable, CustomTestStringConvertible {
        var bits: Int
        var samples: Int
        var separate: Bool
        var bigEndian: Bool
        var tiled: Bool
        var compression: UInt16
        var testDescription: String {
            "\(bits)-bit ×\(samples) \(separate ? "separate" : "contig") \(bigEndian ? "MM" : "II") "
                + "\(tiled ? "tiles" : "strips") c\(compression)"
        }
    }

    static let layouts: [Layout] = {
        var all: [Layout] = []
        let compressions: [UInt16] = [1, 8, 5, 32773]
        for bits in [8, 16] {
            for samples in 1...4 {
                for separate in [false, true] where samples > 1 || !separate {
                    let n = all.count
                    all.append(
                        Layout(
                            bits: bits,
                            samples: samples,
                            separate: separate,
                            bigEndian: n % 2 == 0,
                            tiled: n % 3 == 0,
                            compression: compressions[n % 4]
                        )
                    )
                }
            }
        }
        return all
    }()

    static func info(_ layout: Layout, width: Int = 37, height: Int = 29) -> ImageInfo {
        let color: ImageInfo.ColorModel = layout.samples >= 3 ? .rgb : .minIsBlack
        let extras: [ImageInfo.ExtraSample] = layout.samples == 2 || layout.samples == 4 ? [.unassociatedAlpha] : []
        return ImageInfo(
            format: .tiff,
            width: width,
            height: height,
            samplesPerPixel: layout.samples,
            bitsPerSample: layout.bits,
            planarConfiguration: layout.separate ? .separate : .contiguous,
            colorModel: color,
            extraSamples: extras,
            orientation: 6,
            resolution: ImageInfo.Resolution(x: 300, y: 150, unit: 2),
            iccProfile: Array(0..<200),
            tiff: ImageInfo.TIFFLayout(
                byteOrder: layout.bigEndian ? .bigEndian : .littleEndian,
                compression: layout.compression,
                predictor: layout.compression == 8 ? 2 : 1,
                rowsPerStrip: layout.tiled ? nil : 5,
                tileWidth: layout.tiled ? 16 : nil,
                tileHeight: layout.tiled ? 16 : nil
            )
        )
    }

    @Test("synthetic write → read is bit-exact and keeps the layout", arguments: layouts)
    func syntheticRoundTrip(layout: Layout) throws {
        let dir = try CodecTestData.temporaryDirectory()
        defer { CodecTestData.remove(dir) }
        let path = "\(dir)/synthetic.tif"
        let info = TIFFWriterTests.info(layout)
        let pixels = CodecTestData.pattern(
            width: info.width,
            rows: 0..<info.height,
            samples: layout.samples,
            bits: layout.bits
        )
        let writer = try TIFFWriter(path: path, info: info)
        var row = 0
        for step in [1, 3, 7, 2, 9, 100] where row < info.height {
            let end = min(info.height, row + step)
            try writer.append(rows: Array(pixels[(row * info.bytesPerRow)..<(end * info.bytesPerRow)]))
            row = end
        }
        try writer.finish()

        #expect(CodecTestData.referenceRead(path) == pixels)
        let reader = try TIFFReader(path: path)
        #expect(try reader.readImage() == pixels)
        var banded: [UInt8] = []
        for band in CodecTestData.bands(height: info.height, count: 3) { banded += try reader.readRows(band) }
        #expect(banded == pixels)
        let back = reader.info
        #expect(back.samplesPerPixel == info.samplesPerPixel && back.bitsPerSample == info.bitsPerSample)
        #expect(back.planarConfiguration == info.planarConfiguration && back.colorModel == info.colorModel)
        #expect(back.extraSamples == info.extraSamples && back.orientation == 6)
        #expect(back.resolution == info.resolution && back.iccProfile == info.iccProfile)
        #expect(back.tiff?.byteOrder == info.tiff?.byteOrder && back.tiff?.compression == layout.compression)
        #expect(back.tiff?.isTiled == layout.tiled)
        #expect(back.tiff?.predictor == info.tiff?.predictor)
    }

    @Test("bands encoded apart make the same file as the whole image's writer", arguments: layouts)
    func bandsEncodedApartMatchTheWholeWriter(layout: Layout) throws {
        let dir = try CodecTestData.temporaryDirectory()
        defer { CodecTestData.remove(dir) }
        let info = TIFFWriterTests.info(layout, height: 45)
        let pixels = CodecTestData.pattern(
            width: info.width,
            rows: 0..<info.height,
            samples: layout.samples,
            bits: layout.bits
        )
        let whole = try TIFFWriter(path: "\(dir)/whole.tif", info: info)
        try whole.append(rows: pixels)
        try whole.finish()

        let written = try TIFFWriter.writtenInfo(for: info, path: "\(dir)/bands.tif")
        let chunkHeight = layout.tiled ? 16 : 5
        let bands = [0..<chunkHeight, chunkHeight..<(2 * chunkHeight), (2 * chunkHeight)..<info.height]
        let writer = try TIFFWriter(path: "\(dir)/bands.tif", info: info)
        for rows in bands {
            let band = Array(pixels[(rows.lowerBound * info.bytesPerRow)..<(rows.upperBound * info.bytesPerRow)])
            let storedAsIs =
                layout.compression == 1 && !layout.tiled && !layout.separate
                && (layout.bits == 8 || !layout.bigEndian)
            #expect(TIFFWriter.encodesApart(rows: rows, of: written) == !storedAsIs)
            if storedAsIs {
                try writer.append(rows: band)
            } else {
                let encoded = try TIFFWriter.encode(band, rows: rows, of: written)
                #expect(
                    encoded.rows == rows && encoded.indices.count == encoded.chunks.count && !encoded.chunks.isEmpty
                )
                try writer.append(encoded: encoded)
            }
        }
        try writer.finish()
        #expect(
            FileManager.default.contents(atPath: "\(dir)/bands.tif")
                == FileManager.default.contents(atPath: "\(dir)/whole.tif")
        )
        #expect(CodecTestData.referenceRead("\(dir)/bands.tif") == pixels)
        #expect(!TIFFWriter.encodesApart(rows: 1..<chunkHeight, of: written))
        #expect(!TIFFWriter.encodesApart(rows: 0..<(chunkHeight + 1), of: written))
    }

    @Test(
        "whole uncompressed strips are read and written in place, mixed with partial ones",
        arguments: [
            Layout(bits: 8, samples: 3, separate: false, bigEndian: false, tiled: false, compression: 1),
            Layout(bits: 16, samples: 1, separate: false, bigEndian: false, tiled: false, compression: 1),
            Layout(bits: 16, samples: 2, separate: false, bigEndian: true, tiled: false, compression: 1),
        ]
    )
    func wholeStrips(layout: Layout) throws {
        let dir = try CodecTestData.temporaryDirectory()
        defer { CodecTestData.remove(dir) }
        let path = "\(dir)/strips.tif"
        let info = TIFFWriterTests.info(layout, width: 41, height: 33)
        let pixels = CodecTestData.pattern(
            width: info.width,
            rows: 0..<info.height,
            samples: layout.samples,
            bits: layout.bits
        )
        let writer = try TIFFWriter(path: path, info: info)
        var row = 0
        for step in [10, 3, 2, 15, 3] {
            let end = min(info.height, row + step)
            try writer.append(rows: Array(pixels[(row * info.bytesPerRow)..<(end * info.bytesPerRow)]))
            row = end
        }
        try writer.finish()
        #expect(CodecTestData.referenceRead(path) == pixels)
        let reader = try TIFFReader(path: path)
        var banded: [UInt8] = []
        for band in [0..<10, 10..<20, 20..<22, 22..<33] { banded += try reader.readRows(band) }
        #expect(banded == pixels)
    }

    @Test("shared TIFFs copy bit-exactly with their metadata", arguments: TIFFReaderTests.sharedTIFFs)
    func sharedRoundTrip(name: String) throws {
        let dir = try CodecTestData.temporaryDirectory()
        defer { CodecTestData.remove(dir) }
        let source = try TIFFReader(path: CodecTestData.image(name))
        let output = "\(dir)/copy.tif"
        let writer = try TIFFWriter(path: output, info: source.info)
        for band in CodecTestData.bands(height: source.info.height, count: 7) {
            try writer.append(rows: try source.readRows(band))
        }
        try writer.finish()
        let copy = try TIFFReader(path: output)
        #expect(try copy.readImage() == (try source.readImage()))
        var expected = source.info
        expected.pageCount = 1
        #expect(copy.info == expected)
    }

    @Test func jpegCompressedSourceIsRewrittenAsDeflate() throws {
        var info = TIFFWriterTests.info(
            Layout(bits: 8, samples: 3, separate: false, bigEndian: false, tiled: false, compression: 1)
        )
        info.tiff?.compression = 7
        info.tiff?.predictor = 2
        let dir = try CodecTestData.temporaryDirectory()
        defer { CodecTestData.remove(dir) }
        let writer = try TIFFWriter(path: "\(dir)/x.tif", info: info)
        #expect(writer.info.tiff?.compression == 8 && writer.info.tiff?.predictor == 1)
    }

    @Test func writerRejectsWrongRowCounts() throws {
        let dir = try CodecTestData.temporaryDirectory()
        defer { CodecTestData.remove(dir) }
        let info = TIFFWriterTests.info(TIFFWriterTests.layouts[0])
        let writer = try TIFFWriter(path: "\(dir)/x.tif", info: info)
        #expect(throws: ImageCodecError.self) { try writer.append(rows: [1, 2, 3]) }
        try writer.append(rows: [UInt8](repeating: 0, count: info.bytesPerRow * 2))
        let early = try #require(throws: ImageCodecError.self) { try writer.finish() }
        #expect(early.message == "only 2 of 29 rows were written")
        #expect(throws: ImageCodecError.self) {
            try writer.append(rows: [UInt8](repeating: 0, count: info.bytesPerRow * 28))
        }
    }

    @Test(
        "unsupported TIFF sample layouts are refused",
        arguments: [
            (UInt16(32), UInt16(3), UInt16(1), "floating-point TIFF samples are not supported"),
            (16, 2, 1, "signed-integer TIFF samples are not supported"),
            (8, 1, 3, "palette (indexed-colour) TIFF is not supported"),
            (4, 1, 1, "4-bit samples are not supported"),
        ]
    )
    func refusesUnsupportedSamples(bits: UInt16, format: UInt16, photometric: UInt16, message: String) throws {
        let dir = try CodecTestData.temporaryDirectory()
        defer { CodecTestData.remove(dir) }
        let path = "\(dir)/odd.tif"
        #expect(CodecTestData.writeRawTIFF(path, bits: bits, sampleFormat: format, photometric: photometric))
        let error = try #require(throws: ImageCodecError.self) { try TIFFReader(path: path) }
        #expect(error.kind == .unsupportedLayout)
        #expect(error.description.hasPrefix("odd.tif: \(message)"))
    }

    @Test func corruptAndTruncatedTIFFsAreRefused() throws {
        let dir = try CodecTestData.temporaryDirectory()
        defer { CodecTestData.remove(dir) }
        let garbage = "\(dir)/garbage.tif"
        try FileBytes.write(
            [0x49, 0x49, 0x2A, 0x00, 0xFF, 0xFF, 0xFF, 0x7F] + [UInt8](repeating: 7, count: 64),
            to: garbage
        )
        let corrupt = try #require(throws: ImageCodecError.self) { try TIFFReader(path: garbage) }
        #expect(corrupt.kind == .corrupt && corrupt.description.hasPrefix("garbage.tif: corrupt TIFF"))

        let lena = try FileBytes.read(path: CodecTestData.image("low_contrast_lena.tiff"))
        let cutLena = "\(dir)/cut_lena.tif"
        try FileBytes.write(Array(lena.prefix(300_000)), to: cutLena)
        #expect(throws: ImageCodecError.self) { try TIFFReader(path: cutLena) }

        // Point the last strip of the speckles file (334 strips of 3 rows,
        // big-endian StripOffsets array at byte 2,400,218) past the end.
        var speckles = try FileBytes.read(path: CodecTestData.image("extra/speckles_h2ax_16bit_be_1200x1000.tif"))
        let lastOffset = 2_400_218 + 333 * 4
        speckles.replaceSubrange(lastOffset..<(lastOffset + 4), with: [0x10, 0, 0, 0])
        let broken = "\(dir)/broken_speckles.tif"
        try FileBytes.write(speckles, to: broken)
        let reader = try TIFFReader(path: broken)
        #expect(try reader.readRows(0..<100).count == 100 * 2400)
        let late = try #require(throws: ImageCodecError.self) { try reader.readRows(990..<1000) }
        #expect(late.description.hasPrefix("broken_speckles.tif: "))
        #expect(late.kind == .corrupt || late.kind == .truncated)
    }
}
