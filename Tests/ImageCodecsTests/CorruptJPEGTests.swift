import Testing

@testable import ImageCodecs

/// A JPEG whose frame header was patched to claim more pixels than its data holds is an error,
/// not an image libjpeg paints gray: refused before any pixel is allocated when the data cannot
/// possibly hold the size, and by libjpeg's corrupt-data warnings when it merely does not.
struct CorruptJPEGTests {
    /// The 13 KB, 330×220 Hawkes Bay JPEG with its frame header claiming `width`×`height`.
    static func patched(width: Int, height: Int) throws -> [UInt8] {
        var bytes = try FileBytes.read(path: CodecTestData.image("Unequalized_Hawkes_Bay_NZ.jpg"))
        let sof = try #require((0..<(bytes.count - 9)).first { bytes[$0] == 0xFF && bytes[$0 + 1] == 0xC0 })
        bytes[sof + 5] = UInt8(height >> 8)
        bytes[sof + 6] = UInt8(height & 0xFF)
        bytes[sof + 7] = UInt8(width >> 8)
        bytes[sof + 8] = UInt8(width & 0xFF)
        return bytes
    }

    @Test func aHugeFrameOverASmallFileIsRefusedFromItsHeaderAlone() throws {
        let bomb = try Self.patched(width: 30000, height: 30000)
        let error = try #require(throws: ImageCodecError.self) { try JPEGFile(data: bomb, path: "bomb.jpg") }
        #expect(error.kind == .corrupt)
        #expect(
            error.description.hasPrefix("bomb.jpg: corrupt JPEG: 30000×30000 pixels cannot be coded in "),
            "\(error)"
        )
        let directory = try CodecTestData.temporaryDirectory()
        defer { CodecTestData.remove(directory) }
        try FileBytes.write(bomb, to: directory + "/bomb.jpg")
        let header = try #require(throws: ImageCodecError.self) { try JPEGFile.header(path: directory + "/bomb.jpg") }
        #expect(header.kind == .corrupt && header.description == error.description)
    }

    @Test func corruptDataIsAnErrorInEveryDecoder() throws {
        let file = try JPEGFile(data: try Self.patched(width: 660, height: 440), path: "stretched.jpg")
        let decoder = try JPEGDecoder()
        let attempts: [() throws -> Void] = [
            { _ = try decoder.decode(file, channels: 1) },
            { _ = try decoder.decode(file, channels: 3) },
            { try JPEGStream.scan(file, as: .lumaPlane(neutralChroma: false)) { _ in } },
            { try JPEGStream.scan(file, as: .pixels(channels: 3)) { _ in } },
            {
                _ = try JPEGStream.transcode(file, as: .lumaPlane(neutralChroma: true), quality: 90, metadata: nil) {
                    _ in
                }
            },
        ]
        for (index, attempt) in attempts.enumerated() {
            let error = try #require(throws: ImageCodecError.self, "decoder \(index)", performing: attempt)
            #expect(error.kind == .corrupt, "decoder \(index): \(error)")
            #expect(
                error.description.hasPrefix("stretched.jpg: ") && error.description.contains("Corrupt JPEG data"),
                "\(error)"
            )
        }
    }

    @Test func everySampleJPEGStillDecodesWithoutAWarning() throws {
        let names = [
            "Unequalized_Hawkes_Bay_NZ.jpg", "Unequalized_Hawkes_Bay_NZ_equalized.jpg",
            "extra/chandelier_canon_2048x1536_exif_orient6.jpg",
            "extra/wound_healing_phase_contrast_2304x1536.JPG",
        ]
        for name in names {
            let file = try JPEGFile(path: CodecTestData.image(name))
            try JPEGStream.scan(file, as: .lumaPlane(neutralChroma: false)) { _ in }
            _ = try JPEGDecoder().decode(file, channels: 3)
        }
    }
}
