/// A small file that decodes to a huge image: a gray 8-bit TIFF of zeros whose strips are
/// deflate streams of runs (each 258-byte run costs 13 bits), the kind of upload that made the
/// JobTracker decode 256 megapixels per request before previews moved into the job binary.
enum CraftedTIFF {
    /// A little-endian TIFF of `side` × `side` zero pixels in strips of `rowsPerStrip` rows.
    static func zeros(side: Int, rowsPerStrip: Int) -> [UInt8] {
        let strips = (side + rowsPerStrip - 1) / rowsPerStrip
        let strip = zlibZeros(count: side * rowsPerStrip)
        let lastStrip = zlibZeros(count: side * (side - rowsPerStrip * (strips - 1)))
        let entries = 9
        let directoryOffset = 8
        let arrays = directoryOffset + 2 + 12 * entries + 4
        let dataStart = arrays + 8 * strips
        var offsets: [Int] = []
        var counts: [Int] = []
        var position = dataStart
        for index in 0..<strips {
            let length = index == strips - 1 ? lastStrip.count : strip.count
            offsets.append(position)
            counts.append(length)
            position += length
        }
        var bytes: [UInt8] = [0x49, 0x49, 42, 0] + le32(directoryOffset) + le16(entries)
        let tags: [(tag: Int, type: Int, count: Int, value: Int)] = [
            (256, 4, 1, side), (257, 4, 1, side), (258, 3, 1, 8), (259, 3, 1, 8), (262, 3, 1, 1),
            (273, 4, strips, arrays), (277, 3, 1, 1), (278, 4, 1, rowsPerStrip), (279, 4, strips, arrays + 4 * strips),
        ]
        for entry in tags {
            bytes += le16(entry.tag) + le16(entry.type) + le32(entry.count)
            bytes += entry.type == 3 && entry.count == 1 ? le16(entry.value) + [0, 0] : le32(entry.value)
        }
        bytes += le32(0)
        for offset in offsets { bytes += le32(offset) }
        for count in counts { bytes += le32(count) }
        for index in 0..<strips { bytes += index == strips - 1 ? lastStrip : strip }
        return bytes
    }

    /// A zlib stream of `count` (at least 1) zero bytes: one fixed-Huffman block of a literal
    /// zero, runs of 258 at distance 1, and literals for the rest.
    static func zlibZeros(count: Int) -> [UInt8] {
        var bits = Bits()
        bits.write(1, count: 1)
        bits.write(1, count: 2)
        bits.writeCode(0x30, length: 8)
        var left = count - 1
        while left >= 258 {
            bits.writeCode(0xC5, length: 8)
            bits.writeCode(0, length: 5)
            left -= 258
        }
        for _ in 0..<left { bits.writeCode(0x30, length: 8) }
        bits.writeCode(0, length: 7)
        let adler = UInt32(count % 65_521) << 16 | 1
        return [0x78, 0x01] + bits.bytes + [
            UInt8(adler >> 24), UInt8(adler >> 16 & 0xFF), UInt8(adler >> 8 & 0xFF), UInt8(adler & 0xFF),
        ]
    }

    private static func le16(_ value: Int) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF)] }

    private static func le32(_ value: Int) -> [UInt8] { (0..<4).map { UInt8(value >> (8 * $0) & 0xFF) } }

    /// Deflate's bit order: values least significant bit first, Huffman codes most significant first.
    private struct Bits {
        var bytes: [UInt8] = []
        private var used = 8

        mutating func write(_ value: Int, count: Int) {
            for bit in 0..<count { append(value >> bit & 1) }
        }

        mutating func writeCode(_ code: Int, length: Int) {
            for bit in stride(from: length - 1, through: 0, by: -1) { append(code >> bit & 1) }
        }

        private mutating func append(_ bit: Int) {
            if used == 8 {
                bytes.append(0)
                used = 0
            }
            bytes[bytes.count - 1] |= UInt8(bit) << used
            used += 1
        }
    }
}
