import CTurboJPEG
import ImageCodecs
import Testing

@Suite("JPEG decode, encode and metadata")
struct JPEGTests {
    static let sharedJPEGs: [(String, Int, Int, JPEGHeader.Subsampling, Bool)] = [
        ("Unequalized_Hawkes_Bay_NZ.jpg", 330, 220, .gray, false),
        ("Unequalized_Hawkes_Bay_NZ_equalized.jpg", 330, 220, .gray, false),
        ("extra/chandelier_canon_2048x1536_exif_orient6.jpg", 2048, 1536, .s422, false),
        ("extra/grunwald_museum_olympus_4032x3024.jpg", 4032, 3024, .s422, true),
        ("extra/wisteria_iphone6_3264x2448.jpg", 3264, 2448, .s420, true),
        ("extra/wound_healing_phase_contrast_2304x1536.JPG", 2304, 1536, .s422, true),
    ]

    static func meanAbsoluteDifference(_ a: [UInt8], _ b: [UInt8]) -> Double {
        zip(a, b).reduce(0.0) { $0 + Double(abs(Int($1.0) - Int($1.1))) } / Double(max(1, a.count))
    }

    @Test("shared JPEGs decode with the documented geometry", arguments: sharedJPEGs)
    func decodesSharedJPEGs(name: String, width: Int, height: Int, subsampling: JPEGHeader.Subsampling, restarts: Bool) throws {
        let decoder = try JPEGDecoder()
        let file = try JPEGFile(path: CodecTestData.image(name), decoder: decoder)
        #expect(file.header.width == width && file.header.height == height)
        #expect(file.header.subsampling == subsampling)
        #expect((file.metadata.restartInterval > 0) == restarts)
        let channels = subsampling == .gray ? 1 : 3
        let raster = try decoder.decode(file, channels: channels)
        #expect(raster.width == width && raster.height == height && raster.pixels.count == width * height * channels)
        #expect(Set(raster.pixels).count > 40)
        let planes = try decoder.decodeYUV(file)
        #expect(planes.planes.count == channels && planes.luma.count == width * height)
        #expect(decoder.warnings.isEmpty)
    }

    @Test func hawkesBayPixelRanges() throws {
        let decoder = try JPEGDecoder()
        let source = try decoder.decode(JPEGFile(path: CodecTestData.image("Unequalized_Hawkes_Bay_NZ.jpg")), channels: 1)
        #expect(source.pixels.min() == 102 && source.pixels.max() == 228)
        #expect(source.row(219).count == 330 && source.pixel(x: 329, y: 219).count == 1)
        #expect(source.row(5) == source.pixels[1650..<1980])
        let equalized = try decoder.decode(JPEGFile(path: CodecTestData.image("Unequalized_Hawkes_Bay_NZ_equalized.jpg")), channels: 1)
        #expect(equalized.pixels.min() == 0 && equalized.pixels.max() == 255)
    }

    @Test func grayDecodeEqualsLumaPlane() throws {
        let decoder = try JPEGDecoder()
        let file = try JPEGFile(path: CodecTestData.image("extra/wound_healing_phase_contrast_2304x1536.JPG"))
        let planes = try decoder.decodeYUV(file)
        #expect(planes.planeWidth(1) == 1152 && planes.planeHeight(1) == 1536)
        #expect(planes.planes[1].count == 1152 * 1536)
        #expect(try decoder.decode(file, channels: 1).pixels == planes.luma)
    }

    @Test func rgbEncodeDecodeRoundTrip() throws {
        let decoder = try JPEGDecoder()
        let encoder = try JPEGEncoder()
        let file = try JPEGFile(path: CodecTestData.image("extra/chandelier_canon_2048x1536_exif_orient6.jpg"))
        let rgb = try decoder.decode(file, channels: 3)
        for progressive in [false, true] {
            let bytes = try encoder.encode(rgb, subsampling: file.header.subsampling, progressive: progressive)
            let again = try JPEGFile(data: bytes, path: "again.jpg")
            #expect(again.metadata.isProgressive == progressive)
            #expect(again.header.width == 2048 && again.header.height == 1536 && again.header.subsampling == .s422)
            let decoded = try decoder.decode(again, channels: 3)
            #expect(JPEGTests.meanAbsoluteDifference(decoded.pixels, rgb.pixels) < 2.5)
        }
        let gray = try decoder.decode(file, channels: 1)
        let grayFile = try JPEGFile(data: try encoder.encode(gray, quality: 80), path: "gray.jpg")
        #expect(grayFile.header.subsampling == .gray && grayFile.header.colorSpace == .gray)
    }

    @Test func yuvRoundTripKeepsChromaAndReplacesLuma() throws {
        let decoder = try JPEGDecoder()
        let encoder = try JPEGEncoder()
        let file = try JPEGFile(path: CodecTestData.image("extra/wisteria_iphone6_3264x2448.jpg"))
        var planes = try decoder.decodeYUV(file)
        let chroma = Array(planes.planes[1...])
        planes.luma = planes.luma.map { 255 - $0 }
        let bytes = try encoder.encode(planes, metadata: file.metadata)
        let out = try JPEGFile(data: bytes, path: "out.jpg")
        #expect(out.header.subsampling == .s420)
        let back = try decoder.decodeYUV(out)
        #expect(JPEGTests.meanAbsoluteDifference(back.luma, planes.luma) < 2.0)
        #expect(JPEGTests.meanAbsoluteDifference(back.planes[1], chroma[0]) < 1.5)
        #expect(JPEGTests.meanAbsoluteDifference(back.planes[2], chroma[1]) < 1.5)
        #expect(throws: ImageCodecError.self) {
            try YUVPlanes(width: 3, height: 3, subsampling: .s420, planes: [[0], [0], [0]])
        }
        let odd = try YUVPlanes(width: 3, height: 3, subsampling: .s420,
                                planes: [[UInt8](repeating: 0, count: 16), [0, 0, 0, 0], [0, 0, 0, 0]])
        #expect(odd.planeWidth(0) == 4 && odd.planeWidth(1) == 2)
    }

    @Test func oddSizedYUVPlanesArePaddedToTheMCU() throws {
        var pixels: [UInt8] = []
        for y in 0..<21 { for x in 0..<33 { pixels += [UInt8(x * 7), UInt8(y * 11), 128] } }
        let raster = try RasterImage(width: 33, height: 21, channels: 3, pixels: pixels)
        let bytes = try JPEGEncoder().encode(raster, subsampling: .s420, quality: 100)
        let decoder = try JPEGDecoder()
        let file = try JPEGFile(data: bytes, path: "odd.jpg")
        let planes = try decoder.decodeYUV(file)
        #expect(planes.planeWidth(0) == 34 && planes.planeHeight(0) == 22)
        #expect(planes.luma.count == 34 * 22 && planes.planes[1].count == 17 * 11)
        let gray = try decoder.decode(file, channels: 1)
        for y in 0..<21 {
            #expect(Array(planes.luma[(y * 34)..<(y * 34 + 33)]) == Array(gray.pixels[(y * 33)..<(y * 33 + 33)]))
        }
        let again = try JPEGFile(data: try JPEGEncoder().encode(planes), path: "again.jpg")
        #expect(again.header.width == 33 && again.header.height == 21)
    }

    @Test func exifOrientationAndSegmentsSurviveReencoding() throws {
        let decoder = try JPEGDecoder()
        let encoder = try JPEGEncoder()
        let file = try JPEGFile(path: CodecTestData.image("extra/chandelier_canon_2048x1536_exif_orient6.jpg"))
        #expect(file.info.orientation == 6)
        #expect(file.metadata.segments.contains { $0.marker == 0xED })
        let planes = try decoder.decodeYUV(file)
        let out = try JPEGFile(data: try encoder.encode(planes, metadata: file.metadata), path: "out.jpg")
        #expect(out.metadata.exifOrientation == 6 && out.info.orientation == 6)
        #expect(out.header.width == 2048 && out.header.height == 1536)
        let sourceExif = file.metadata.segments.first { $0.starts(with: "Exif\0\0") }
        #expect(sourceExif != nil && out.metadata.segments.first { $0.starts(with: "Exif\0\0") } == sourceExif)
        #expect(out.metadata.segments.contains { $0.marker == 0xED })
        #expect(out.metadata.segments.filter { $0.marker == 0xE0 }.count == 1)
        let plain = try JPEGFile(data: try encoder.encode(planes), path: "plain.jpg")
        #expect(plain.metadata.exifOrientation == nil && plain.info.orientation == 1)
    }

    @Test func iccProfileInChunksIsCarriedOver() throws {
        let icc = try #require(try TIFFReader(path: CodecTestData.image("low_contrast_lena.tiff")).info.iccProfile)
        let decoder = try JPEGDecoder()
        let encoder = try JPEGEncoder()
        let file = try JPEGFile(path: CodecTestData.image("Unequalized_Hawkes_Bay_NZ.jpg"))
        var metadata = file.metadata
        let half = icc.count / 2
        for (index, part) in [icc[..<half], icc[half...]].enumerated() {
            metadata.segments.append(.init(marker: 0xE2, payload: Array("ICC_PROFILE\0".utf8) + [UInt8(index + 1), 2] + part))
        }
        #expect(metadata.iccProfile == icc)
        let gray = try decoder.decode(file, channels: 1)
        let out = try JPEGFile(data: try encoder.encode(gray, metadata: metadata), path: "icc.jpg")
        #expect(out.info.iccProfile == icc)
        #expect(try decoder.decode(out, channels: 1).pixels.count == 330 * 220)
    }

    @Test func sourceJFIFDensityReplacesTheEncodersAPP0() throws {
        let file = try JPEGFile(path: CodecTestData.image("Unequalized_Hawkes_Bay_NZ_equalized.jpg"))
        var metadata = file.metadata
        metadata.segments = [.init(marker: 0xE0, payload: Array("JFIF\0".utf8) + [1, 2, 1, 0, 72, 0, 96, 0, 0])]
        let gray = try JPEGDecoder().decode(file, channels: 1)
        let out = try JPEGFile(data: try JPEGEncoder().encode(gray, metadata: metadata), path: "dpi.jpg")
        #expect(out.metadata.segments.filter { $0.marker == 0xE0 }.count == 1)
        #expect(out.info.resolution == ImageInfo.Resolution(x: 72, y: 96, unit: 2))
    }

    @Test func truncatedJPEGsAreRefused() throws {
        let dir = try CodecTestData.temporaryDirectory()
        defer { CodecTestData.remove(dir) }
        let bytes = try FileBytes.read(path: CodecTestData.image("extra/wisteria_iphone6_3264x2448.jpg"))
        let cut = "\(dir)/cut.jpg"
        try FileBytes.write(Array(bytes.prefix(bytes.count / 2)), to: cut)
        let decoder = try JPEGDecoder()
        let file = try JPEGFile(path: cut, decoder: decoder)
        for attempt in [{ _ = try decoder.decode(file, channels: 3) }, { _ = try decoder.decodeYUV(file) }] as [() throws -> Void] {
            let error = try #require(throws: ImageCodecError.self, performing: attempt)
            #expect(error.kind == .truncated)
            #expect(error.description.hasPrefix("cut.jpg: truncated JPEG"))
        }
        let header = "\(dir)/header.jpg"
        try FileBytes.write(Array(bytes.prefix(300)), to: header)
        let early = try #require(throws: ImageCodecError.self) { try JPEGFile(path: header) }
        #expect(early.kind == .truncated)
    }

    @Test func twelveBitAndCMYKJPEGsAreRefused() throws {
        var bytes = try FileBytes.read(path: CodecTestData.image("Unequalized_Hawkes_Bay_NZ.jpg"))
        let sof = try #require((0..<(bytes.count - 4)).first { bytes[$0] == 0xFF && bytes[$0 + 1] == 0xC0 })
        bytes[sof + 4] = 12
        let twelve = try #require(throws: ImageCodecError.self) { try JPEGFile(data: bytes, path: "deep.jpg") }
        #expect(twelve.description == "deep.jpg: 12-bit JPEG is not supported; histeq reads 8-bit JPEG")

        let handle = try #require(tjInitCompress())
        defer { tjDestroy(handle) }
        var cmyk = [UInt8](repeating: 90, count: 16 * 16 * 4)
        var buffer: UnsafeMutablePointer<UInt8>?
        var size: UInt = 0
        defer { tjFree(buffer) }
        #expect(tjCompress2(handle, &cmyk, 16, 0, 16, 11, &buffer, &size, 0, 90, 0) == 0)
        let ycck = Array(UnsafeBufferPointer(start: try #require(buffer), count: Int(size)))
        let error = try #require(throws: ImageCodecError.self) { try JPEGFile(data: ycck, path: "print.jpg") }
        #expect(error.description == "print.jpg: CMYK JPEG is not supported")
    }

    @Test func metadataParserRejectsBrokenStructure() throws {
        #expect(throws: ImageCodecError.self) { try JPEGMetadata.parse([0xFF, 0xD8, 0x00, 0x00, 0x00], path: "x.jpg") }
        #expect(throws: ImageCodecError.self) { try JPEGMetadata.parse([0xFF, 0xD8, 0xFF, 0xD9], path: "x.jpg") }
        #expect(throws: ImageCodecError.self) { try JPEGMetadata.parse([0x00, 0xD8, 0xFF, 0xD9], path: "x.jpg") }
    }
}
