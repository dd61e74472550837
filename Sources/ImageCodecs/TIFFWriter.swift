import CTIFF

/// Writes one TIFF image band by band, reproducing a source image's layout.
///
/// The writer copies from the given ``ImageInfo``: width, height, samples,
/// bits, colour model, extra samples (alpha), planar configuration, strip or
/// tile geometry, byte order, BigTIFF-ness, predictor, resolution,
/// orientation, ICC profile and XMP packet. The source compression is kept
/// when it is lossless and libtiff can encode it (none, LZW, Deflate,
/// PackBits, LZMA, ZSTD); anything else (e.g. JPEG) becomes Deflate, so
/// re-writing never adds generation loss. EXIF and GeoTIFF tags are not
/// copied.
///
/// Rows arrive in order through ``append(rows:)`` as interleaved buffers
/// (the same layout ``TIFFReader/readRows(_:)`` returns); each strip or tile
/// row is encoded as soon as it is complete, so memory stays at one chunk
/// row. Call ``finish()`` after the last row; it writes the directory and
/// closes the file. Writing goes straight to `path`: the caller picks a
/// temporary name and renames it. A writer released without `finish()`
/// (e.g. after an error) closes its incomplete file, which the caller
/// should delete. Not thread-safe.
public final class TIFFWriter {
    /// The layout being written (compression may differ from the source's).
    public let info: ImageInfo
    /// The number of rows appended so far.
    public internal(set) var rowsWritten = 0
    var handle: TIFFHandle?
    let path: String
    let geometry: TIFFChunkGeometry
    var pending: [UInt8] = []
    /// Whether whole strips are stored exactly as they arrive (contiguous, uncompressed, in
    /// host byte order), so they can be written straight from the caller's rows.
    private let storesRowsAsIs: Bool
    /// Whether ``chunksWritten`` keeps the index of every chunk encoded (for ``encode(_:rows:of:log:)``).
    var recordsChunks = false
    /// The chunks encoded so far, when ``recordsChunks``.
    var chunksWritten: [UInt32] = []

    /// Creates `path` and writes the tags described by `info`.
    ///
    /// - Parameters:
    ///   - info: the image to write; `info.tiff` supplies byte order,
    ///     compression and chunk geometry (defaults: little-endian, Deflate
    ///     with horizontal predictor, strips of about 256 KiB).
    ///   - log: called with every libtiff warning.
    public convenience init(path: String, info: ImageInfo, log: (@Sendable (String) -> Void)? = nil) throws {
        let written = try Self.writtenInfo(for: info, path: path)
        try self.init(
            handle: try TIFFHandle(path: path, mode: Self.mode(of: written), log: log),
            written: written,
            firstRow: 0
        )
    }

    init(handle: TIFFHandle, written: ImageInfo, firstRow: Int) throws {
        try TIFFWriter.writeTags(written, handle)
        geometry = TIFFChunkGeometry(of: written)
        info = written
        self.handle = handle
        path = handle.path
        rowsWritten = firstRow
        storesRowsAsIs = Self.storesRowsAsIs(written, geometry)
        pending.reserveCapacity(geometry.chunkHeight * written.bytesPerRow)
    }

    /// What ``init(path:info:log:)`` writes for `info`: its layout, with a lossy or unencodable
    /// compression replaced by Deflate and a tile size libtiff cannot write replaced by strips.
    public static func writtenInfo(for info: ImageInfo, path: String) throws -> ImageInfo {
        guard info.bitsPerSample == 8 || info.bitsPerSample == 16, info.samplesPerPixel >= 1,
            info.extraSamples.count <= info.samplesPerPixel, info.width > 0, info.height > 0
        else {
            throw ImageCodecError(
                .invalidArgument,
                path: path,
                "cannot write \(info.width)×\(info.height) with \(info.samplesPerPixel) × \(info.bitsPerSample)-bit samples"
            )
        }
        guard info.colorModel != .yCbCr else {
            throw ImageCodecError(.invalidArgument, path: path, "cannot write YCbCr TIFF; convert to RGB first")
        }
        var layout =
            info.tiff
            ?? ImageInfo.TIFFLayout(
                byteOrder: .littleEndian,
                compression: TIFFCodes.compressionAdobeDeflate,
                predictor: 2
            )
        if !TIFFCodes.losslessWritable.contains(layout.compression) || TIFFIsCODECConfigured(layout.compression) != 1 {
            layout.compression = TIFFCodes.compressionAdobeDeflate
            layout.predictor = 1
        }
        if !TIFFCodes.predictorCodecs.contains(layout.compression) || layout.predictor != 2 {
            layout.predictor = 1
        }
        let tiled = layout.isTiled && (layout.tileWidth ?? 0) % 16 == 0 && (layout.tileHeight ?? 0) % 16 == 0
        if !tiled {
            layout.tileWidth = nil
            layout.tileHeight = nil
            let defaultRows = max(1, 262_144 / max(1, info.bytesPerRow))
            layout.rowsPerStrip = min(max(1, layout.rowsPerStrip ?? defaultRows), info.height)
        }
        var written = info
        written.format = .tiff
        written.pageCount = 1
        written.tiff = layout
        return written
    }

    static func mode(of written: ImageInfo) -> String {
        let layout = written.tiff!
        return "w" + (layout.isBigTIFF ? "8" : "") + (layout.byteOrder == .bigEndian ? "b" : "l")
    }

    /// Whether whole strips of `written` are stored exactly as rows arrive (contiguous,
    /// uncompressed, in host byte order).
    static func storesRowsAsIs(_ written: ImageInfo, _ geometry: TIFFChunkGeometry) -> Bool {
        let hostOrder: ImageInfo.ByteOrder = 1.littleEndian == 1 ? .littleEndian : .bigEndian
        return !geometry.isTiled && geometry.planes == 1 && written.tiff?.compression == TIFFCodes.compressionNone
            && (written.bitsPerSample == 8 || written.tiff?.byteOrder == hostOrder)
    }

    /// Appends whole interleaved rows (host byte order for 16-bit samples).
    ///
    /// `rows.count` must be a multiple of `info.bytesPerRow`, and the total
    /// must not exceed `info.height` rows.
    public func append(rows: [UInt8]) throws {
        let bytesPerRow = info.bytesPerRow
        guard rows.count % bytesPerRow == 0, rowsWritten + rows.count / bytesPerRow <= info.height else {
            throw ImageCodecError(
                .invalidArgument,
                path: path,
                "append got \(rows.count) bytes; expected whole rows of \(bytesPerRow) bytes within \(info.height) rows"
            )
        }
        var offset = 0
        if storesRowsAsIs, pending.isEmpty {
            offset = try writeWholeStrips(of: rows)
        }
        while offset < rows.count {
            let chunkRow = rowsWritten / geometry.chunkHeight
            let chunkEnd = min((chunkRow + 1) * geometry.chunkHeight, info.height)
            let take = min((chunkEnd - rowsWritten) * bytesPerRow, rows.count - offset)
            pending.append(contentsOf: rows[offset..<(offset + take)])
            offset += take
            rowsWritten += take / bytesPerRow
            if rowsWritten == chunkEnd {
                try flush(chunkRow: chunkRow)
            }
        }
    }

    /// Appends whole interleaved rows of 16-bit samples.
    public func append(rows16: [UInt16]) throws {
        guard info.bitsPerSample == 16 else {
            throw ImageCodecError(.invalidArgument, path: path, "append(rows16:) needs a 16-bit image")
        }
        try append(rows: rows16.withUnsafeBytes { Array($0) })
    }

    /// Writes the TIFF directory and closes the file; every row must have
    /// been appended.
    public func finish() throws {
        guard let handle else {
            throw ImageCodecError(.invalidArgument, path: path, "the TIFF was already finished")
        }
        guard rowsWritten == info.height else {
            throw ImageCodecError(
                .invalidArgument,
                path: path,
                "only \(rowsWritten) of \(info.height) rows were written"
            )
        }
        guard TIFFWriteDirectory(handle.tif) == 1 else {
            throw handle.failure(.writeFailed, "cannot write the TIFF directory")
        }
        self.handle = nil
    }

    /// Writes the whole strips at the start of `rows` as they are, without copying them, and
    /// returns the number of bytes written; call only when ``storesRowsAsIs`` and nothing is pending.
    private func writeWholeStrips(of rows: [UInt8]) throws -> Int {
        guard let handle else {
            throw ImageCodecError(.invalidArgument, path: path, "the TIFF was already finished")
        }
        let bytesPerRow = info.bytesPerRow
        var offset = 0
        while rowsWritten < info.height, rowsWritten % geometry.chunkHeight == 0 {
            let chunkRow = rowsWritten / geometry.chunkHeight
            let size = geometry.storedRows(inChunkRow: chunkRow) * bytesPerRow
            guard rows.count - offset >= size else { break }
            let index = geometry.chunkIndex(handle.tif, chunkRow: chunkRow, chunkColumn: 0, plane: 0)
            let status = rows.withUnsafeBytes {
                TIFFWriteRawStrip(
                    handle.tif,
                    index,
                    UnsafeMutableRawPointer(mutating: $0.baseAddress! + offset),
                    tmsize_t(size)
                )
            }
            if status < 0 {
                throw handle.failure(.writeFailed, "cannot write strip \(index)")
            }
            offset += size
            rowsWritten += size / bytesPerRow
        }
        return offset
    }

    /// Encodes the complete chunk row held in `pending`.
    private func flush(chunkRow: Int) throws {
        guard let handle else {
            throw ImageCodecError(.invalidArgument, path: path, "the TIFF was already finished")
        }
        let top = chunkRow * geometry.chunkHeight
        let rows = top..<rowsWritten
        let chunkSize = geometry.storedRows(inChunkRow: chunkRow) * geometry.chunkRowBytes
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        for plane in 0..<geometry.planes {
            for chunkColumn in 0..<geometry.chunksAcross {
                chunk.withUnsafeMutableBytes { target in
                    target.initializeMemory(as: UInt8.self, repeating: 0)
                    pending.withUnsafeBytes { source in
                        geometry.copy(
                            band: source,
                            rows: rows,
                            chunkRow: chunkRow,
                            chunkColumn: chunkColumn,
                            plane: plane,
                            into: target
                        )
                    }
                }
                let index = geometry.chunkIndex(handle.tif, chunkRow: chunkRow, chunkColumn: chunkColumn, plane: plane)
                let status = chunk.withUnsafeMutableBytes { raw in
                    geometry.isTiled
                        ? TIFFWriteEncodedTile(handle.tif, index, raw.baseAddress, tmsize_t(raw.count))
                        : TIFFWriteEncodedStrip(handle.tif, index, raw.baseAddress, tmsize_t(raw.count))
                }
                if status < 0 {
                    throw handle.failure(.writeFailed, "cannot write \(geometry.isTiled ? "tile" : "strip") \(index)")
                }
                if recordsChunks { chunksWritten.append(index) }
            }
        }
        pending.removeAll(keepingCapacity: true)
    }

    /// Sets every tag of `info` on a freshly opened handle.
    private static func writeTags(_ info: ImageInfo, _ handle: TIFFHandle) throws {
        let tif = handle.tif
        var ok = true
        func set16(_ tag: UInt32, _ value: UInt16) { ok = ok && ctiff_set_u16(tif, tag, value) == 1 }
        func set32(_ tag: UInt32, _ value: Int) { ok = ok && ctiff_set_u32(tif, tag, UInt32(value)) == 1 }
        func setBlob(_ tag: UInt32, _ bytes: [UInt8]?) {
            guard let bytes, !bytes.isEmpty else { return }
            ok = ok && bytes.withUnsafeBytes { ctiff_set_blob(tif, tag, UInt32($0.count), $0.baseAddress) } == 1
        }
        guard let layout = info.tiff else { return }
        set32(TIFFCodes.imageWidth, info.width)
        set32(TIFFCodes.imageLength, info.height)
        set16(TIFFCodes.bitsPerSample, UInt16(info.bitsPerSample))
        set16(TIFFCodes.samplesPerPixel, UInt16(info.samplesPerPixel))
        set16(TIFFCodes.sampleFormat, TIFFCodes.sampleFormatUInt)
        set16(TIFFCodes.photometric, info.colorModel.rawValue)
        set16(TIFFCodes.planarConfig, info.planarConfiguration.rawValue)
        set16(TIFFCodes.compression, layout.compression)
        if layout.predictor != 1 { set16(TIFFCodes.predictor, layout.predictor) }
        if let tileWidth = layout.tileWidth, let tileHeight = layout.tileHeight {
            set32(TIFFCodes.tileWidth, tileWidth)
            set32(TIFFCodes.tileLength, tileHeight)
        } else {
            set32(TIFFCodes.rowsPerStrip, layout.rowsPerStrip ?? info.height)
        }
        if !info.extraSamples.isEmpty {
            let values = info.extraSamples.map(\.rawValue)
            ok =
                ok
                && values.withUnsafeBufferPointer {
                    ctiff_set_u16_array(tif, TIFFCodes.extraSamples, UInt16($0.count), $0.baseAddress)
                } == 1
        }
        set16(TIFFCodes.orientation, UInt16(min(max(info.orientation, 1), 8)))
        if let resolution = info.resolution {
            ok =
                ok && ctiff_set_float(tif, TIFFCodes.xResolution, Float(resolution.x)) == 1
                && ctiff_set_float(tif, TIFFCodes.yResolution, Float(resolution.y)) == 1
            set16(TIFFCodes.resolutionUnit, resolution.unit)
        }
        setBlob(TIFFCodes.iccProfile, info.iccProfile)
        setBlob(TIFFCodes.xmlPacket, layout.xmp)
        if !ok {
            throw handle.failure(.writeFailed, "cannot set the TIFF tags")
        }
    }
}
