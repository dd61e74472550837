import Foundation
import ImageCodecs
import Testing

@Suite("Format detection and refusals")
struct FormatAndErrorTests {
    @Test(
        "every shared file is detected by its leading bytes",
        arguments: [
            ("Unequalized_Hawkes_Bay_NZ.jpg", ImageFormat.jpeg),
            ("Unequalized_Hawkes_Bay_NZ_equalized.jpg", .jpeg),
            ("low_contrast_lena.tiff", .tiff),
            ("low_contrast_x-ray.tiff", .tiff),
            ("unequalized_dog.jpg", .png),
            ("extra/chandelier_canon_2048x1536_exif_orient6.jpg", .jpeg),
            ("extra/cherry_16bit_deflate_1344x1024.tif", .tiff),
            ("extra/grunwald_museum_olympus_4032x3024.jpg", .jpeg),
            ("extra/naip_2010_tiled_deflate_4band_934x723.tif", .tiff),
            ("extra/speckles_h2ax_16bit_be_1200x1000.tif", .tiff),
            ("extra/wisteria_iphone6_3264x2448.jpg", .jpeg),
            ("extra/wound_healing_phase_contrast_2304x1536.JPG", .jpeg),
        ]
    )
    func detectsSharedFiles(name: String, expected: ImageFormat) throws {
        #expect(try ImageFormat.detect(path: CodecTestData.image(name)) == expected)
    }

    @Test func recognisesOtherSignatures() {
        #expect(ImageFormat.detect(Array("GIF89a......".utf8)) == .gif)
        #expect(ImageFormat.detect(Array("BM\u{0}\u{0}\u{0}\u{0}".utf8)) == .bmp)
        #expect(ImageFormat.detect(Array("RIFF\u{0}\u{0}\u{0}\u{0}WEBP".utf8)) == .webp)
        #expect(ImageFormat.detect(Array("RIFF\u{0}\u{0}\u{0}\u{0}WAVE".utf8)) == nil)
        #expect(ImageFormat.detect([0x49, 0x49, 0x2B, 0x00]) == .tiff)
        #expect(ImageFormat.detect([0x4D, 0x4D, 0x00, 0x2A]) == .tiff)
        #expect(ImageFormat.detect([0xFF, 0xD8]) == nil)
    }

    @Test func pngNamedJPEGIsRefusedWithItsRealFormat() throws {
        let path = CodecTestData.image("unequalized_dog.jpg")
        let expected = "unequalized_dog.jpg: this is a PNG image; histeq reads JPEG and TIFF"
        for attempt in [
            { _ = try ImageFormat.requireDecodable(path: path) },
            { _ = try ImageInfo.probe(path: path) },
            { _ = try JPEGFile(path: path) },
        ] as [() throws -> Void] {
            let error = try #require(throws: ImageCodecError.self, performing: attempt)
            #expect(error.description == expected)
            #expect(error.kind == .unsupportedFormat)
        }
    }

    @Test func zeroByteAndMissingFilesAreRefused() throws {
        let dir = try CodecTestData.temporaryDirectory()
        defer { CodecTestData.remove(dir) }
        let empty = "\(dir)/empty.jpg"
        #expect(FileManager.default.createFile(atPath: empty, contents: Data()))
        let emptyError = try #require(throws: ImageCodecError.self) { try ImageInfo.probe(path: empty) }
        #expect(emptyError.kind == .emptyFile)
        #expect(emptyError.description == "empty.jpg: the file is empty (0 bytes)")
        #expect(throws: ImageCodecError(.emptyFile, path: empty, "the file is empty (0 bytes)")) {
            try TIFFReader(path: empty)
        }
        let missing = try #require(throws: ImageCodecError.self) { try ImageInfo.probe(path: "\(dir)/nope.tif") }
        #expect(missing.kind == .missingFile)
        #expect(missing.description == "nope.tif: no such file")
    }

    @Test func unknownSignatureIsRefused() throws {
        let dir = try CodecTestData.temporaryDirectory()
        defer { CodecTestData.remove(dir) }
        let path = "\(dir)/notes.tif"
        try FileBytes.write(Array("hello, world".utf8), to: path)
        let error = try #require(throws: ImageCodecError.self) { try ImageInfo.probe(path: path) }
        #expect(error.kind == .unsupportedFormat)
        #expect(error.description.hasPrefix("notes.tif: not a recognised image"))
    }

    @Test func pixelLimitMessage() throws {
        let limit = PixelLimit.default
        let error = try #require(throws: ImageCodecError.self) {
            try limit.check(width: 40000, height: 40000, path: "/data/in/big.tif")
        }
        #expect(error.kind == .pixelLimit)
        #expect(error.description == "big.tif: 40000×40000 = 1.6 gigapixels exceeds the 1 gigapixel limit")
        try limit.check(width: 31622, height: 31622, path: "ok.tif")
        #expect(PixelLimit.describe(12_192_768) == "12.2 megapixels")
        #expect(PixelLimit.describe(2_000_000_000) == "2 gigapixels")
        #expect(PixelLimit.describe(999) == "999 pixels")
    }

    @Test func pixelLimitIsCheckedOnRealFilesBeforeDecoding() throws {
        let limit = PixelLimit(maxPixels: 10_000_000)
        let jpeg = try #require(throws: ImageCodecError.self) {
            try JPEGFile(path: CodecTestData.image("extra/grunwald_museum_olympus_4032x3024.jpg"), limit: limit)
        }
        #expect(
            jpeg.description
                == "grunwald_museum_olympus_4032x3024.jpg: 4032×3024 = 12.2 megapixels exceeds the 10 megapixel limit"
        )
        let tiff = try #require(throws: ImageCodecError.self) {
            try TIFFReader(
                path: CodecTestData.image("extra/speckles_h2ax_16bit_be_1200x1000.tif"),
                limit: PixelLimit(maxPixels: 1_000_000)
            )
        }
        #expect(
            tiff.description
                == "speckles_h2ax_16bit_be_1200x1000.tif: 1200×1000 = 1.2 megapixels exceeds the 1 megapixel limit"
        )
    }

    @Test func displayNameIsTheLastPathComponent() {
        #expect(ImageCodecError.displayName(of: "/a/b/c.jpg") == "c.jpg")
        #expect(ImageCodecError.displayName(of: "c.jpg") == "c.jpg")
        #expect(ImageCodecError.displayName(of: "dir/sub/") == "sub")
        #expect(ImageCodecError.displayName(of: "/") == "/")
    }
}
