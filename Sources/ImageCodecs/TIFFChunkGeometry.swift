import CTIFF

/// The strip or tile grid of one TIFF image and the copies between its
/// chunks and interleaved row buffers.
///
/// A chunk is a strip (full width, `chunkHeight` rows) or a tile
/// (`chunkWidth` × `chunkHeight`, padded at the right and bottom edges).
/// With separate planes every chunk holds one sample of each pixel; with
/// contiguous planes it holds all samples. Row buffers are always
/// interleaved (`RGBARGBA...`) with `width × samplesPerPixel ×
/// bytesPerSample` bytes per row, 16-bit samples in host byte order.
struct TIFFChunkGeometry {
    let width: Int
    let height: Int
    let samplesPerPixel: Int
    let bytesPerSample: Int
    let isTiled: Bool
    let chunkWidth: Int
    let chunkHeight: Int
    /// 1 for contiguous data, `samplesPerPixel` for separate planes.
    let planes: Int

    /// The geometry of the TIFF `info` describes (one strip when it names no layout).
    init(of info: ImageInfo) {
        self.init(
            width: info.width,
            height: info.height,
            samplesPerPixel: info.samplesPerPixel,
            bytesPerSample: info.bytesPerSample,
            separate: info.planarConfiguration == .separate,
            tileWidth: info.tiff?.tileWidth,
            tileHeight: info.tiff?.tileHeight,
            rowsPerStrip: info.tiff?.rowsPerStrip ?? info.height
        )
    }

    init(
        width: Int,
        height: Int,
        samplesPerPixel: Int,
        bytesPerSample: Int,
        separate: Bool,
        tileWidth: Int?,
        tileHeight: Int?,
        rowsPerStrip: Int
    ) {
        self.width = width
        self.height = height
        self.samplesPerPixel = samplesPerPixel
        self.bytesPerSample = bytesPerSample
        self.planes = separate ? samplesPerPixel : 1
        if let tileWidth, let tileHeight {
            isTiled = true
            chunkWidth = tileWidth
            chunkHeight = tileHeight
        } else {
            isTiled = false
            chunkWidth = width
            chunkHeight = min(max(1, rowsPerStrip), height)
        }
    }

    /// Samples stored per pixel inside one chunk.
    var samplesPerChunkPixel: Int { planes == 1 ? samplesPerPixel : 1 }
    /// Bytes in one interleaved output row.
    var bytesPerRow: Int { width * samplesPerPixel * bytesPerSample }
    /// Bytes in one row of a chunk.
    var chunkRowBytes: Int { chunkWidth * samplesPerChunkPixel * bytesPerSample }
    /// Chunks across the image width.
    var chunksAcross: Int { (width + chunkWidth - 1) / chunkWidth }

    /// The chunk rows (strip rows or tile rows) that overlap image rows `rows`.
    func chunkRows(overlapping rows: Range<Int>) -> ClosedRange<Int> {
        (rows.lowerBound / chunkHeight)...((rows.upperBound - 1) / chunkHeight)
    }

    /// Rows of chunk row `chunkRow` that exist in the image (strips at the
    /// bottom edge are shorter; tiles are padded and keep `chunkHeight`).
    func storedRows(inChunkRow chunkRow: Int) -> Int {
        isTiled ? chunkHeight : min(chunkHeight, height - chunkRow * chunkHeight)
    }

    /// The libtiff strip or tile number for a chunk position and plane.
    func chunkIndex(_ tif: OpaquePointer, chunkRow: Int, chunkColumn: Int, plane: Int) -> UInt32 {
        let y = UInt32(chunkRow * chunkHeight)
        if isTiled {
            return TIFFComputeTile(tif, UInt32(chunkColumn * chunkWidth), y, 0, UInt16(plane))
        }
        return TIFFComputeStrip(tif, y, UInt16(plane))
    }

    /// Copies the part of a decoded chunk that lies in image rows `rows`
    /// into `band`, whose first row is image row `rows.lowerBound`.
    func copy(
        chunk: UnsafeRawBufferPointer,
        chunkRow: Int,
        chunkColumn: Int,
        plane: Int,
        rows: Range<Int>,
        into band: UnsafeMutableRawBufferPointer
    ) {
        transfer(chunkRow: chunkRow, chunkColumn: chunkColumn, plane: plane, rows: rows) {
            chunkOffset,
            bandOffset,
            count in
            (band.baseAddress! + bandOffset).copyMemory(from: chunk.baseAddress! + chunkOffset, byteCount: count)
        }
    }

    /// Copies image rows `rows` of `band` (first row = `rows.lowerBound`)
    /// into the matching part of a chunk buffer about to be encoded.
    func copy(
        band: UnsafeRawBufferPointer,
        rows: Range<Int>,
        chunkRow: Int,
        chunkColumn: Int,
        plane: Int,
        into chunk: UnsafeMutableRawBufferPointer
    ) {
        transfer(chunkRow: chunkRow, chunkColumn: chunkColumn, plane: plane, rows: rows) {
            chunkOffset,
            bandOffset,
            count in
            (chunk.baseAddress! + chunkOffset).copyMemory(from: band.baseAddress! + bandOffset, byteCount: count)
        }
    }

    /// Walks the overlap of one chunk with image rows `rows` and calls `move`
    /// with (chunk byte offset, band byte offset, byte count) for each run of
    /// bytes that is contiguous in both buffers.
    private func transfer(
        chunkRow: Int,
        chunkColumn: Int,
        plane: Int,
        rows: Range<Int>,
        _ move: (Int, Int, Int) -> Void
    ) {
        let top = chunkRow * chunkHeight
        let left = chunkColumn * chunkWidth
        let firstRow = max(rows.lowerBound, top)
        let endRow = min(rows.upperBound, top + chunkHeight, height)
        let columns = min(chunkWidth, width - left)
        guard firstRow < endRow, columns > 0 else { return }
        let pixelBytes = samplesPerPixel * bytesPerSample
        for row in firstRow..<endRow {
            let chunkBase = (row - top) * chunkRowBytes
            let bandBase = (row - rows.lowerBound) * bytesPerRow + left * pixelBytes
            if planes == 1 {
                move(chunkBase, bandBase, columns * pixelBytes)
            } else {
                let sampleOffset = plane * bytesPerSample
                for column in 0..<columns {
                    move(
                        chunkBase + column * bytesPerSample,
                        bandBase + column * pixelBytes + sampleOffset,
                        bytesPerSample
                    )
                }
            }
        }
    }
}
