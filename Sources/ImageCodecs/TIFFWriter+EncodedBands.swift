import CTIFF

/// Encoding a TIFF's bands apart: several processes compress the strips or tiles of one image at
/// once, and the image's one writer stores them as they are.
extension TIFFWriter {
    /// Whether the rows `rows` of an image written as `written` are worth encoding apart with
    /// ``encode(_:rows:of:log:)``: the image's chunks need encoding (not stored as rows arrive),
    /// and the rows are whole chunk rows.
    public static func encodesApart(rows: Range<Int>, of written: ImageInfo) -> Bool {
        guard written.tiff != nil, !rows.isEmpty, rows.upperBound <= written.height else { return false }
        let geometry = TIFFChunkGeometry(of: written)
        return !storesRowsAsIs(written, geometry) && rows.lowerBound % geometry.chunkHeight == 0
            && (rows.upperBound % geometry.chunkHeight == 0 || rows.upperBound == written.height)
    }

    /// Encodes the interleaved rows `rows` of an image written as `written` (from
    /// ``writtenInfo(for:path:)``) into their strips or tiles, in memory, exactly as the image's
    /// writer would: several processes can compress the bands of one image at once, and its
    /// writer stores them with ``append(encoded:)``. The rows must pass ``encodesApart(rows:of:)``.
    public static func encode(
        _ band: [UInt8],
        rows: Range<Int>,
        of written: ImageInfo,
        log: (@Sendable (String) -> Void)? = nil
    ) throws -> TIFFEncodedBand {
        guard encodesApart(rows: rows, of: written), band.count == rows.count * written.bytesPerRow else {
            throw ImageCodecError(
                .invalidArgument,
                path: "band",
                "rows \(rows) are not whole strips or tiles of this image"
            )
        }
        let descriptor = ctiff_memory_file()
        guard descriptor >= 0 else {
            throw ImageCodecError(.writeFailed, path: "band", "cannot create a memory file to encode a band in")
        }
        let handle: TIFFHandle
        do {
            handle = try TIFFHandle(descriptor: descriptor, name: "band", mode: mode(of: written), log: log)
        } catch {
            close(descriptor)
            throw error
        }
        let writer = try TIFFWriter(handle: handle, written: written, firstRow: rows.lowerBound)
        writer.recordsChunks = true
        try writer.append(rows: band)
        var chunks: [[UInt8]] = []
        for index in writer.chunksWritten {
            let offset = TIFFGetStrileOffset(handle.tif, index)
            let size = Int(TIFFGetStrileByteCount(handle.tif, index))
            let chunk = try [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
                guard pread(descriptor, buffer.baseAddress, size, off_t(offset)) == size else {
                    throw ImageCodecError(.writeFailed, path: "band", "cannot read back encoded chunk \(index)")
                }
                count = size
            }
            chunks.append(chunk)
        }
        return TIFFEncodedBand(rows: rows, indices: writer.chunksWritten.map(Int.init), chunks: chunks)
    }

    /// Stores a band of chunks encoded apart by ``encode(_:rows:of:log:)``, as they are; the band
    /// must start at the next row.
    public func append(encoded band: TIFFEncodedBand) throws {
        guard let handle else {
            throw ImageCodecError(.invalidArgument, path: path, "the TIFF was already finished")
        }
        guard band.rows.lowerBound == rowsWritten, band.rows.upperBound <= info.height, pending.isEmpty,
            band.indices.count == band.chunks.count
        else {
            throw ImageCodecError(
                .invalidArgument,
                path: path,
                "encoded rows \(band.rows) arrived where row \(rowsWritten) was expected"
            )
        }
        for (index, chunk) in zip(band.indices, band.chunks) {
            let status = chunk.withUnsafeBytes { bytes in
                let data = UnsafeMutableRawPointer(mutating: bytes.baseAddress)
                return geometry.isTiled
                    ? TIFFWriteRawTile(handle.tif, UInt32(index), data, tmsize_t(bytes.count))
                    : TIFFWriteRawStrip(handle.tif, UInt32(index), data, tmsize_t(bytes.count))
            }
            if status < 0 {
                throw handle.failure(.writeFailed, "cannot write \(geometry.isTiled ? "tile" : "strip") \(index)")
            }
        }
        rowsWritten = band.rows.upperBound
    }
}
