import ImageCodecs
import Testing

@Suite("TIFF reading")
struct TIFFReaderTests {
    static let sharedTIFFs = [
        "low_contrast_lena.tiff",
        "low_contrast_x-ray.tiff",
        "extra/cherry_16bit_deflate_1344x1024.tif",
        "extra/naip_2010_tiled_deflate_4band_934x723.tif",
        "extra/speckles_h2ax_16bit_be_1200x1000.tif",
    ]

    @Test func lenaInfo() throws {
        let reader = try TIFFReader(path: CodecTestData.image("low_contrast_lena.tiff"))
        let info = reader.info
        #expect(info.width == 403 && info.height == 404)
        #expect(info.samplesPerPixel == 4 && info.bitsPerSample == 8)
        #expect(info.colorModel == .rgb && info.extraSamples == [.associatedAlpha])
        #expect(info.alphaSampleIndex == 3)
        #expect(info.planarConfiguration == .contiguous)
        #expect(info.tiff?.byteOrder == .bigEndian && info.tiff?.rowsPerStrip == 81 && info.tiff?.compression == 1)
        #expect(info.pageCount == 1 && !info.hasMorePages)
        #expect((info.iccProfile?.count ?? 0) > 100)
        #expect(String(decoding: info.iccProfile![36..<40], as: UTF8.self) == "acsp")
        #expect((info.tiff?.xmp?.count ?? 0) > 0)
    }

    @Test func naipInfoReportsTilesAndSecondPage() throws {
        let info = try TIFFReader(path: CodecTestData.image("extra/naip_2010_tiled_deflate_4band_934x723.tif")).info
        #expect(info.width == 934 && info.height == 723 && info.samplesPerPixel == 4)
        #expect(info.tiff?.tileWidth == 512 && info.tiff?.tileHeight == 512)
        #expect(info.tiff?.byteOrder == .littleEndian && info.tiff?.compression == 8)
        #expect(info.extraSamples == [.unassociatedAlpha])
        #expect(info.pageCount == 2 && info.hasMorePages)
        #expect(info.summary.contains("2 pages (only the first is read)"))
    }

    @Test func sixteenBitInfoAndValueRanges() throws {
        let speckles = try TIFFReader(path: CodecTestData.image("extra/speckles_h2ax_16bit_be_1200x1000.tif"))
        #expect(speckles.info.bitsPerSample == 16 && speckles.info.tiff?.byteOrder == .bigEndian)
        #expect(speckles.info.tiff?.rowsPerStrip == 3)
        let s = try speckles.readRows16(0..<speckles.info.height)
        #expect(s.min() == 628 && s.max() == 4095)

        let cherry = try TIFFReader(path: CodecTestData.image("extra/cherry_16bit_deflate_1344x1024.tif"))
        #expect(cherry.info.tiff?.compression == 32946 && cherry.info.tiff?.byteOrder == .littleEndian)
        let c = try cherry.readRows16(0..<cherry.info.height)
        #expect(c.min() == 32993 && c.max() == 36863)
    }

    @Test func libtiffWarningsAreCapturedNotPrinted() throws {
        final class Box: @unchecked Sendable { var lines: [String] = [] }
        let box = Box()
        // The speckles file's PageName tag lacks its NUL terminator.
        let reader = try TIFFReader(
            path: CodecTestData.image("extra/speckles_h2ax_16bit_be_1200x1000.tif"),
            log: { box.lines.append($0) }
        )
        #expect(reader.warnings.contains { $0.contains("PageName") })
        #expect(box.lines == reader.warnings)
    }

    @Test func lenaAlphaIsOpaqueEverywhere() throws {
        let reader = try TIFFReader(path: CodecTestData.image("low_contrast_lena.tiff"))
        let pixels = try reader.readImage()
        #expect(pixels.count == 403 * 404 * 4)
        #expect(stride(from: 3, to: pixels.count, by: 4).allSatisfy { pixels[$0] == 255 })
        #expect(Set(pixels).count > 50)
    }

    @Test("whole-image read matches libtiff's scanline/tile API", arguments: sharedTIFFs)
    func wholeImageMatchesReference(name: String) throws {
        let path = CodecTestData.image(name)
        let reader = try TIFFReader(path: path)
        let reference = try #require(CodecTestData.referenceRead(path))
        #expect(try reader.readImage() == reference)
    }

    @Test("band reads equal the whole image", arguments: sharedTIFFs, [1, 3, 7])
    func bandsEqualWholeImage(name: String, bandCount: Int) throws {
        let path = CodecTestData.image(name)
        let whole = try TIFFReader(path: path).readImage()
        let reader = try TIFFReader(path: path)
        var assembled: [UInt8] = []
        for band in CodecTestData.bands(height: reader.info.height, count: bandCount) {
            let rows = try reader.readRows(band)
            #expect(rows.count == band.count * reader.info.bytesPerRow)
            assembled += rows
        }
        #expect(assembled == whole)
    }

    @Test("strip-at-a-time scans equal band reads", arguments: sharedTIFFs, [1, 3, 7])
    func scansEqualBandReads(name: String, bandCount: Int) throws {
        let path = CodecTestData.image(name)
        let whole = try TIFFReader(path: path).readImage()
        let rowBytes = try TIFFReader(path: path).info.bytesPerRow
        for band in CodecTestData.bands(height: whole.count / rowBytes, count: bandCount) {
            var scanned: [UInt8] = []
            var pieces = 0
            try TIFFReader(path: path).scanRows(band) { rows, count in
                #expect(rows.count == count * rowBytes)
                scanned += rows
                pieces += 1
            }
            #expect(scanned == Array(whole[(band.lowerBound * rowBytes)..<(band.upperBound * rowBytes)]))
            #expect(pieces >= 1)
        }
    }

    @Test("bands read out of order and one row at a time", arguments: sharedTIFFs)
    func bandsInAnyOrder(name: String) throws {
        let reader = try TIFFReader(path: CodecTestData.image(name))
        let whole = try reader.readImage()
        let rowBytes = reader.info.bytesPerRow
        let bands = CodecTestData.bands(height: reader.info.height, count: 5).reversed()
        for band in bands {
            #expect(
                try reader.readRows(band) == Array(whole[(band.lowerBound * rowBytes)..<(band.upperBound * rowBytes)])
            )
        }
        for row in [0, reader.info.height / 2, reader.info.height - 1] {
            #expect(try reader.readRows(row..<(row + 1)) == Array(whole[(row * rowBytes)..<((row + 1) * rowBytes)]))
        }
    }

    @Test func jpegCompressedYCbCrTIFFIsReadAsRGB() throws {
        let dir = try CodecTestData.temporaryDirectory()
        defer { CodecTestData.remove(dir) }
        let path = "\(dir)/ycbcr.tif"
        let (width, height) = (64, 48)
        var rgb: [UInt8] = []
        for y in 0..<height { for x in 0..<width { rgb += [UInt8(x * 4), UInt8(y * 5), UInt8(128 + x - y)] } }
        #expect(CodecTestData.writeJPEGTIFF(path, width: width, height: height, rgb: rgb))
        let reader = try TIFFReader(path: path)
        #expect(reader.info.colorModel == .rgb && reader.info.tiff?.compression == 7)
        let pixels = try reader.readImage()
        let error = zip(pixels, rgb).reduce(0) { $0 + abs(Int($1.0) - Int($1.1)) }
        #expect(pixels.count == rgb.count && Double(error) / Double(rgb.count) < 3)
        var banded: [UInt8] = []
        for band in CodecTestData.bands(height: height, count: 7) { banded += try reader.readRows(band) }
        #expect(banded == pixels)
    }

    @Test func invalidRowRangesAreRejected() throws {
        let reader = try TIFFReader(path: CodecTestData.image("low_contrast_lena.tiff"))
        #expect(throws: ImageCodecError.self) { try reader.readRows(400..<405) }
        #expect(throws: ImageCodecError.self) { try reader.readRows(10..<10) }
        #expect(throws: ImageCodecError.self) { try reader.readRows16(0..<1) }
    }
}
