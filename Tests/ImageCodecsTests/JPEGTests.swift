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
    func decodesSharedJPEGs(
        name: String,
        width: Int,
        height: Int,
        subsampling: JPEGHeader.Subsampling,
        restarts: Bool
    ) throws {
        let decoder = try JPEGDecoder()
        let file = try JPEGFile(path: CodecTestData.image(name), decoder: decoder)
        #expect(file.header.width == width && file.header.height == height)
        #expect(file.header.subsampling == subsampling)
        #expect((file.metadata.restartInterval > 0) == restarts)
        let channels = subsampling == .gray ? 1 : 3
        let raster = try decoder.decode(file, channels: channels)
        #expect(raster.width == width && raster.height == height && raster.pixels.count == width * height * channels)
        #expect(Set(raster.pixels).count > 40)
        let luma = try JPEGTests.streamedRows(
            file,
            as: subsampling == .gray ? .pixels(channels: 1) : .lumaPlane(neutralChroma: false)
        )
        #expect(luma.count == width * height)
        #expect(decoder.warnings.isEmpty)
    }

    @Test func hawkesBayPixelRanges() throws {
        let decoder = try JPEGDecoder()
        let source = try decoder.decode(
            JPEGFile(path: CodecTestData.image("Unequalized_Hawkes_Bay_NZ.jpg")),
            channels: 1
        )
        #expect(source.pixels.min() == 102 && source.pixels.max() == 228)
        #expect(source.row(219).count == 330 && source.pixel(x: 329, y: 219).count == 1)
        #expect(source.row(5) == source.pixels[1650..<1980])
        let equalized = try decoder.decode(
            JPEGFile(path: CodecTestData.image("Unequalized_Hawkes_Bay_NZ_equalized.jpg")),
            channels: 1
        )
        #expect(equalized.pixels.min() == 0 && equalized.pixels.max() == 255)
    }

    /// The rows a stream hands over, without their padding, in one buffer.
    static func streamedRows(_ file: JPEGFile, as rows: JPEGStream.Rows) throws -> [UInt8] {
        var collected: [UInt8] = []
        try JPEGStream.scan(file, as: rows) { band in
            #expect(band.stride >= band.width)
            for row in 0..<band.rows {
                collected += UnsafeRawBufferPointer(start: band.base + row * band.stride, count: band.width)
            }
        }
        return collected
    }

    @Test func grayDecodeEqualsTheStreamedLumaPlane() throws {
        let decoder = try JPEGDecoder()
        let file = try JPEGFile(path: CodecTestData.image("extra/wound_healing_phase_contrast_2304x1536.JPG"))
        #expect(
            try decoder.decode(file, channels: 1).pixels
                == JPEGTests.streamedRows(file, as: .lumaPlane(neutralChroma: false))
        )
        #expect(try decoder.decode(file, channels: 3).pixels == JPEGTests.streamedRows(file, as: .pixels(channels: 3)))
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
            #expect(
                try JPEGTests.streamedRows(again, as: .pixels(channels: 3)) == decoded.pixels,
                "progressive: \(progressive)"
            )
            #expect(
                try JPEGTests.streamedRows(again, as: .lumaPlane(neutralChroma: false))
                    == decoder.decode(again, channels: 1).pixels
            )
        }
        let gray = try decoder.decode(file, channels: 1)
        let grayFile = try JPEGFile(data: try encoder.encode(gray, quality: 80), path: "gray.jpg")
        #expect(grayFile.header.subsampling == .gray && grayFile.header.colorSpace == .gray)
    }

    @Test func transcodingReplacesLumaAndKeepsOrNeutralizesChroma() throws {
        let decoder = try JPEGDecoder()
        let file = try JPEGFile(path: CodecTestData.image("extra/wisteria_iphone6_3264x2448.jpg"))
        let gray = try decoder.decode(file, channels: 1).pixels
        let rgb = try decoder.decode(file, channels: 3).pixels
        func colourfulness(_ pixels: [UInt8]) -> Double {
            stride(from: 0, to: pixels.count, by: 3 * 97).reduce(0.0) {
                $0 + Double(abs(Int(pixels[$1]) - Int(pixels[$1 + 1])))
            }
                / Double(pixels.count / (3 * 97))
        }
        for neutral in [false, true] {
            let bytes = try JPEGStream.transcode(
                file,
                as: .lumaPlane(neutralChroma: neutral),
                quality: 95,
                metadata: nil
            ) { band in
                for row in 0..<band.rows {
                    let line = (band.base + row * band.stride).assumingMemoryBound(to: UInt8.self)
                    for x in 0..<band.width { line[x] = 255 - line[x] }
                }
            }
            let out = try JPEGFile(data: bytes, path: "out.jpg")
            #expect(out.header.subsampling == .s420 && out.header.width == 3264 && out.header.height == 2448)
            #expect(
                JPEGTests.meanAbsoluteDifference(try decoder.decode(out, channels: 1).pixels, gray.map { 255 - $0 })
                    < 2.0
            )
            let colours = colourfulness(try decoder.decode(out, channels: 3).pixels)
            if neutral {
                #expect(colours < 1.0)
            } else {
                #expect(abs(colours - colourfulness(rgb)) < 1.5 && colours > 5)
            }
        }
        #expect(throws: ImageCodecError.self) {
            _ = try JPEGStream.transcode(file, as: .pixels(channels: 3), quality: 0, metadata: nil) { _ in }
        }
    }

    @Test func oddSizedImagesStreamInPaddedRowsAndKeepTheirSize() throws {
        var pixels: [UInt8] = []
        for y in 0..<21 { for x in 0..<33 { pixels += [UInt8(x * 7), UInt8(y * 11), 128] } }
        let raster = try RasterImage(width: 33, height: 21, channels: 3, pixels: pixels)
        let bytes = try JPEGEncoder().encode(raster, subsampling: .s420, quality: 100)
        let decoder = try JPEGDecoder()
        let file = try JPEGFile(data: bytes, path: "odd.jpg")
        var strides: Set<Int> = []
        var rows = 0
        try JPEGStream.scan(file, as: .lumaPlane(neutralChroma: false)) { band in
            strides.insert(band.stride)
            rows += band.rows
            #expect(band.width == 33)
        }
        #expect(strides == [40] && rows == 21)
        #expect(
            try JPEGTests.streamedRows(file, as: .lumaPlane(neutralChroma: false))
                == decoder.decode(file, channels: 1).pixels
        )
        for form in [JPEGStream.Rows.lumaPlane(neutralChroma: false), .pixels(channels: 3)] {
            let again = try JPEGFile(
                data: try JPEGStream.transcode(file, as: form, quality: 100, metadata: nil) { _ in },
                path: "again.jpg"
            )
            #expect(again.header.width == 33 && again.header.height == 21 && again.header.subsampling == .s420)
            #expect(
                JPEGTests.meanAbsoluteDifference(
                    try decoder.decode(again, channels: 3).pixels,
                    try decoder.decode(file, channels: 3).pixels
                ) < 2.0
            )
        }
    }

    /// The encoder writes into storage reserved at the decoded size; an output larger than that
    /// (noise at quality 100) must move to memory of its own and come back whole: every band of
    /// rows decodes to the noise within the fast forward DCT's error, where a lost or misplaced
    /// chunk would decode to garbage (a mean difference near 85).
    @Test func anOutputLargerThanTheDecodedImageIsKeptWhole() throws {
        let (width, height) = (512, 512)
        var state: UInt32 = 12_345
        let noise = (0..<width * height).map { _ -> UInt8 in
            state = state &* 1_664_525 &+ 1_013_904_223
            return UInt8(truncatingIfNeeded: state >> 24)
        }
        let gray = try RasterImage(
            width: width,
            height: height,
            channels: 1,
            pixels: [UInt8](repeating: 128, count: width * height)
        )
        let file = try JPEGFile(data: try JPEGEncoder().encode(gray, quality: 50), path: "flat.jpg")
        var next = 0
        let bytes = try JPEGStream.transcode(file, as: .pixels(channels: 1), quality: 100, metadata: nil) { band in
            for row in 0..<band.rows {
                noise[next..<next + band.width].withUnsafeBytes {
                    (band.base + row * band.stride).copyMemory(from: $0.baseAddress!, byteCount: band.width)
                }
                next += band.width
            }
        }
        #expect(bytes.count > width * height + 65_536)
        let decoded = try JPEGDecoder().decode(try JPEGFile(data: bytes, path: "noise.jpg"), channels: 1)
        #expect(decoded.width == width && decoded.height == height)
        for band in stride(from: 0, to: height, by: 16) {
            let range = (band * width)..<((band + 16) * width)
            let difference = JPEGTests.meanAbsoluteDifference(Array(decoded.pixels[range]), Array(noise[range]))
            #expect(difference < 8, "rows \(band)..<\(band + 16): \(difference)")
        }
    }

    @Test("a header read equals the whole file's", arguments: sharedJPEGs.map(\.0))
    func headerReadsEqualWholeFiles(name: String) throws {
        let path = CodecTestData.image(name)
        let file = try JPEGFile(path: path)
        let read = try JPEGFile.header(path: path)
        #expect(read.header == file.header && read.info == file.info)
    }

    /// A header longer than the first read (64 KiB) is read further; one cut short is refused with
    /// the whole file's error.
    @Test func longHeadersAreReadWholeAndCutOnesRefused() throws {
        let directory = try CodecTestData.temporaryDirectory()
        defer { CodecTestData.remove(directory) }
        let small = try FileBytes.read(path: CodecTestData.image("Unequalized_Hawkes_Bay_NZ.jpg"))
        let comment: [UInt8] = [0xFF, 0xFE, 0xEA, 0x62] + [UInt8](repeating: 0x41, count: 60_000)
        let long = Array(small[0..<2]) + comment + comment + comment + Array(small[2...])
        let path = directory + "/long.jpg"
        try FileBytes.write(long, to: path)
        let file = try JPEGFile(path: path)
        #expect(file.metadata.segments.count >= 3)
        let read = try JPEGFile.header(path: path)
        #expect(read.header == file.header && read.info == file.info)
        let cut = directory + "/cut.jpg"
        try FileBytes.write(Array(long[0..<150_000]), to: cut)
        let whole = try #require(throws: ImageCodecError.self) { try JPEGFile(path: cut) }
        let header = try #require(throws: ImageCodecError.self) { try JPEGFile.header(path: cut) }
        #expect(header.description == whole.description && header.kind == .truncated)
    }

    @Test func exifOrientationAndSegmentsSurviveReencoding() throws {
        let file = try JPEGFile(path: CodecTestData.image("extra/chandelier_canon_2048x1536_exif_orient6.jpg"))
        #expect(file.info.orientation == 6)
        #expect(file.metadata.segments.contains { $0.marker == 0xED })
        let out = try JPEGFile(
            data: try JPEGStream.transcode(
                file,
                as: .lumaPlane(neutralChroma: false),
                quality: 95,
                metadata: file.metadata
            ) { _ in },
            path: "out.jpg"
        )
        #expect(out.metadata.exifOrientation == 6 && out.info.orientation == 6)
        #expect(out.header.width == 2048 && out.header.height == 1536)
        let sourceExif = file.metadata.segments.first { $0.starts(with: "Exif\0\0") }
        #expect(sourceExif != nil && out.metadata.segments.first { $0.starts(with: "Exif\0\0") } == sourceExif)
        #expect(out.metadata.segments.contains { $0.marker == 0xED })
        #expect(out.metadata.segments.filter { $0.marker == 0xE0 }.count == 1)
        let plain = try JPEGFile(
            data: try JPEGStream.transcode(file, as: .pixels(channels: 3), quality: 95, metadata: nil) { _ in },
            path: "plain.jpg"
        )
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
            metadata.segments.append(
                .init(marker: 0xE2, payload: Array("ICC_PROFILE\0".utf8) + [UInt8(index + 1), 2] + part)
            )
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
        let attempts: [() throws -> Void] = [
            { _ = try decoder.decode(file, channels: 3) },
            { try JPEGStream.scan(file, as: .lumaPlane(neutralChroma: false)) { _ in } },
            { _ = try JPEGStream.transcode(file, as: .pixels(channels: 3), quality: 90, metadata: nil) { _ in } },
        ]
        for attempt in attempts {
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
