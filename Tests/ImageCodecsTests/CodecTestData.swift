import CTIFF
import Foundation
import ImageCodecs

/// Paths, temporary directories and an independent libtiff reader for tests.
enum CodecTestData {
    /// `<repo>/../shared/data/images`, found from this file's real path so it
    /// works both in the repository and through a symlinked dev package.
    static let imagesDirectory: String = {
        let real = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        let repoRoot = real.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return repoRoot.deletingLastPathComponent().appendingPathComponent("shared/data/images").path
    }()

    /// The path of a shared test image, e.g. `image("extra/cherry.tif")`.
    static func image(_ name: String) -> String {
        "\(imagesDirectory)/\(name)"
    }

    /// A fresh, empty temporary directory unique to one test.
    static func temporaryDirectory() throws -> String {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("ImageCodecsTests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    /// Removes a directory made by ``temporaryDirectory()``.
    static func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Reads the first page of a TIFF with libtiff's scanline and tile APIs,
    /// independently of `TIFFReader`, as interleaved host-order bytes.
    static func referenceRead(_ path: String) -> [UInt8]? {
        TIFFSetWarningHandler(nil)
        guard let tif = TIFFOpen(path, "r") else { return nil }
        defer { TIFFClose(tif) }
        var width: UInt32 = 0
        var height: UInt32 = 0
        var samples: UInt16 = 1
        var bits: UInt16 = 8
        var planar: UInt16 = 1
        _ = ctiff_get_u32(tif, 256, &width)
        _ = ctiff_get_u32(tif, 257, &height)
        _ = ctiff_get_u16(tif, 277, &samples)
        _ = ctiff_get_u16(tif, 258, &bits)
        _ = ctiff_get_u16(tif, 284, &planar)
        let w = Int(width)
        let h = Int(height)
        let spp = Int(samples)
        let bps = Int(bits) / 8
        let separate = planar == 2 && spp > 1
        var out = [UInt8](repeating: 0, count: w * h * spp * bps)
        let planes = separate ? spp : 1
        let chunkSpp = separate ? 1 : spp
        func place(_ buffer: [UInt8], bufferWidth: Int, rows: Range<Int>, columns: Range<Int>, plane: Int) {
            for y in rows {
                for x in columns {
                    for s in 0..<chunkSpp {
                        for b in 0..<bps {
                            let src =
                                (((y - rows.lowerBound) * bufferWidth + (x - columns.lowerBound)) * chunkSpp + s) * bps
                                + b
                            out[((y * w + x) * spp + plane + s) * bps + b] = buffer[src]
                        }
                    }
                }
            }
        }
        if TIFFIsTiled(tif) != 0 {
            var tw: UInt32 = 0
            var th: UInt32 = 0
            _ = ctiff_get_u32(tif, 322, &tw)
            _ = ctiff_get_u32(tif, 323, &th)
            var tile = [UInt8](repeating: 0, count: Int(TIFFTileSize(tif)))
            for plane in 0..<planes {
                for ty in stride(from: 0, to: h, by: Int(th)) {
                    for tx in stride(from: 0, to: w, by: Int(tw)) {
                        guard TIFFReadTile(tif, &tile, UInt32(tx), UInt32(ty), 0, UInt16(plane)) >= 0 else {
                            return nil
                        }
                        place(
                            tile,
                            bufferWidth: Int(tw),
                            rows: ty..<min(h, ty + Int(th)),
                            columns: tx..<min(w, tx + Int(tw)),
                            plane: plane
                        )
                    }
                }
            }
        } else {
            var line = [UInt8](repeating: 0, count: Int(TIFFScanlineSize(tif)))
            for plane in 0..<planes {
                for y in 0..<h {
                    guard TIFFReadScanline(tif, &line, UInt32(y), UInt16(plane)) >= 0 else { return nil }
                    place(line, bufferWidth: w, rows: y..<(y + 1), columns: 0..<w, plane: plane)
                }
            }
        }
        return out
    }

    /// A deterministic test pattern of `rows` interleaved rows starting at
    /// image row `y0`, using the full 8- or 16-bit range.
    static func pattern(width: Int, rows: Range<Int>, samples: Int, bits: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(width * rows.count * samples * bits / 8)
        for y in rows {
            for x in 0..<width {
                for s in 0..<samples {
                    if bits == 8 {
                        bytes.append(UInt8(truncatingIfNeeded: x * 7 + y * 13 + s * 51))
                    } else {
                        let value = UInt16(truncatingIfNeeded: x * 257 + y * 1031 + s * 4099 + (x * y) % 97)
                        withUnsafeBytes(of: value) { bytes.append(contentsOf: $0) }
                    }
                }
            }
        }
        return bytes
    }

    /// Splits `0..<height` into `count` nearly equal consecutive bands.
    static func bands(height: Int, count: Int) -> [Range<Int>] {
        (0..<count).map { i in (height * i / count)..<(height * (i + 1) / count) }.filter { !$0.isEmpty }
    }

    /// Writes a one-strip TIFF with raw tags through libtiff directly, for
    /// layouts this layer must refuse (float, signed, palette, 4-bit).
    static func writeRawTIFF(_ path: String, bits: UInt16, sampleFormat: UInt16, photometric: UInt16) -> Bool {
        guard let tif = TIFFOpen(path, "w") else { return false }
        defer { TIFFClose(tif) }
        let width: UInt32 = 8
        let height: UInt32 = 2
        var ok = ctiff_set_u32(tif, 256, width) == 1 && ctiff_set_u32(tif, 257, height) == 1
        ok = ok && ctiff_set_u16(tif, 258, bits) == 1 && ctiff_set_u16(tif, 277, 1) == 1
        ok = ok && ctiff_set_u16(tif, 339, sampleFormat) == 1 && ctiff_set_u16(tif, 262, photometric) == 1
        ok = ok && ctiff_set_u32(tif, 278, height) == 1
        if photometric == 3 {
            var map = [UInt16](repeating: 0, count: 1 << Int(bits))
            ok =
                ok
                && map.withUnsafeMutableBufferPointer { table in
                    withVaList([table.baseAddress!, table.baseAddress!, table.baseAddress!]) {
                        TIFFVSetField(tif, 320, $0)
                    }
                } == 1
        }
        var strip = [UInt8](repeating: 0x11, count: Int(width * height) * Int(bits) / 8)
        return ok && TIFFWriteEncodedStrip(tif, 0, &strip, tmsize_t(strip.count)) >= 0
    }

    /// Writes a JPEG-compressed YCbCr TIFF of `rgb` (interleaved 8-bit RGB)
    /// through libtiff directly, converting RGB to YCbCr in the codec.
    static func writeJPEGTIFF(_ path: String, width: Int, height: Int, rgb: [UInt8]) -> Bool {
        guard let tif = TIFFOpen(path, "w") else { return false }
        defer { TIFFClose(tif) }
        var ok = ctiff_set_u32(tif, 256, UInt32(width)) == 1 && ctiff_set_u32(tif, 257, UInt32(height)) == 1
        ok = ok && ctiff_set_u16(tif, 258, 8) == 1 && ctiff_set_u16(tif, 277, 3) == 1
        ok = ok && ctiff_set_u16(tif, 259, 7) == 1 && ctiff_set_u16(tif, 262, 6) == 1
        ok = ok && ctiff_set_u32(tif, 278, 16) == 1 && ctiff_set_int(tif, 65538, 1) == 1
        for y in 0..<height where ok {
            var line = Array(rgb[(y * width * 3)..<((y + 1) * width * 3)])
            ok = TIFFWriteScanline(tif, &line, UInt32(y), 0) == 1
        }
        return ok
    }
}
