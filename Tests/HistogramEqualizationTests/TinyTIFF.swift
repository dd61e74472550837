/// Hand-built 2×2 TIFFs with layouts the job refuses (float samples, palette colour), which
/// the codecs' writer does not produce.
enum TinyTIFF {
    /// A little-endian, uncompressed, one-strip 2×2 TIFF with one sample per pixel.
    static func bytes(bitsPerSample: UInt16, sampleFormat: UInt16, photometric: UInt16) -> [UInt8] {
        let pixelBytes = 4 * Int(bitsPerSample / 8)
        var entries: [(tag: UInt16, type: UInt16, count: UInt32, value: UInt32)] = [
            (256, 3, 1, 2), (257, 3, 1, 2), (258, 3, 1, UInt32(bitsPerSample)), (259, 3, 1, 1),
            (262, 3, 1, UInt32(photometric)), (273, 4, 1, 8), (277, 3, 1, 1), (278, 3, 1, 2),
            (279, 4, 1, UInt32(pixelBytes)), (339, 3, 1, UInt32(sampleFormat)),
        ]
        let directoryOffset = 8 + pixelBytes
        let colorMapOffset = directoryOffset + 2 + 12 * (entries.count + 1) + 4
        if photometric == 3 { entries.insert((320, 3, 3 * 256, UInt32(colorMapOffset)), at: 9) }
        var bytes: [UInt8] = [0x49, 0x49, 42, 0] + le32(UInt32(directoryOffset))
        bytes += [UInt8](repeating: 0x3F, count: pixelBytes)
        bytes += le16(UInt16(entries.count))
        for entry in entries {
            bytes += le16(entry.tag) + le16(entry.type) + le32(entry.count)
            bytes += entry.type == 3 && entry.count == 1 ? le16(UInt16(entry.value)) + [0, 0] : le32(entry.value)
        }
        bytes += le32(0)
        if photometric == 3 { bytes += [UInt8](repeating: 0x80, count: 2 * 3 * 256) }
        return bytes
    }

    private static func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }

    private static func le32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8((value >> (8 * $0)) & 0xFF) } }
}
