import CTIFF

/// Reads the first page of a TIFF band by band, decoding only the strips or
/// tiles that overlap the requested rows.
///
/// Supports 8- and 16-bit unsigned samples, any number of samples per pixel
/// (gray, gray + alpha, RGB, RGBA, ...), contiguous and separate planes,
/// strips and tiles, both byte orders, and every compression the linked
/// libtiff decodes. Float, signed, palette and other bit depths are refused
/// with a one-line ``ImageCodecError``. libtiff warnings are collected in
/// ``warnings`` (and passed to the `log` callback) instead of going to stderr.
///
/// A reader owns its libtiff handle and closes it on deinit. It is not
/// thread-safe: give each task its own reader.
public final class TIFFReader {
    /// The first page's geometry, layout and metadata.
    public let info: ImageInfo
    private let handle: TIFFHandle
    private let geometry: TIFFChunkGeometry
    private let chunkBytes: Int
    private var cache: [UInt32: [UInt8]] = [:]

    /// Opens `path`, reads the first page's tags and refuses unsupported
    /// layouts or images over `limit` before any pixel data is read.
    ///
    /// - Parameter log: called with every libtiff warning (e.g. a malformed
    ///   tag that libtiff worked around); warnings never go to stderr.
    public init(path: String, limit: PixelLimit = .default, log: (@Sendable (String) -> Void)? = nil) throws {
        let format = try ImageFormat.requireDecodable(path: path)
        guard format == .tiff else {
            throw ImageCodecError(.unsupportedFormat, path: path, "this is a \(format.displayName) image, not a TIFF")
        }
        let handle = try TIFFHandle(path: path, mode: "r", log: log)
        let info = try TIFFReader.readInfo(handle)
        try limit.check(width: info.width, height: info.height, path: path)
        let tif = handle.tif
        let tiled = info.tiff?.isTiled ?? false
        geometry = TIFFChunkGeometry(of: info)
        chunkBytes = Int(tiled ? TIFFTileSize(tif) : TIFFStripSize(tif))
        guard chunkBytes >= geometry.storedRows(inChunkRow: 0) * geometry.chunkRowBytes else {
            throw handle.failure(.corrupt, "corrupt TIFF: inconsistent \(tiled ? "tile" : "strip") size")
        }
        self.handle = handle
        self.info = info
    }

    /// The libtiff warnings reported so far for this file.
    public var warnings: [String] { handle.warnings }

    /// Decodes image rows `rows` (`0 <= lowerBound < upperBound <= height`)
    /// into one interleaved buffer of `rows.count × info.bytesPerRow` bytes.
    ///
    /// Only the strips or tiles overlapping `rows` are decoded; chunks shared
    /// with the previous call are reused, so consecutive bands that split a
    /// strip decode it once. 16-bit samples are in host byte order; see
    /// ``readRows16(_:)`` for typed access.
    public func readRows(_ rows: Range<Int>) throws -> [UInt8] {
        try check(rows)
        if let band = try readWholeStrips(rows) {
            return band
        }
        var band = [UInt8](repeating: 0, count: rows.count * info.bytesPerRow)
        var used: [UInt32: [UInt8]] = [:]
        try band.withUnsafeMutableBytes { target in
            for chunkRow in geometry.chunkRows(overlapping: rows) {
                try assemble(chunkRow: chunkRow, rows: rows, into: target) { index in
                    let chunk = try used[index] ?? cache[index] ?? decodeChunk(index, chunkRow: chunkRow)
                    used[index] = chunk
                    return chunk
                }
            }
        }
        cache = used
        return band
    }

    /// Decodes rows `rows` a strip (or a row of tiles) at a time into one buffer that it reuses,
    /// and hands `body` each piece: interleaved rows as ``readRows(_:)`` lays them out, and how
    /// many. A caller that only reads the pixels (a histogram) so never holds more than a chunk row,
    /// nor touches more fresh memory than that.
    public func scanRows(_ rows: Range<Int>, _ body: (UnsafeRawBufferPointer, Int) throws -> Void) throws {
        try check(rows)
        let height = geometry.chunkHeight
        let bytesPerRow = info.bytesPerRow
        var buffer = [UInt8](repeating: 0, count: height * bytesPerRow)
        cache = [:]
        for chunkRow in geometry.chunkRows(overlapping: rows) {
            let start = chunkRow * height
            let wanted = max(start, rows.lowerBound)..<min(start + height, rows.upperBound)
            try buffer.withUnsafeMutableBytes { target in
                if !geometry.isTiled, geometry.planes == 1 {
                    let size = geometry.storedRows(inChunkRow: chunkRow) * bytesPerRow
                    let index = geometry.chunkIndex(handle.tif, chunkRow: chunkRow, chunkColumn: 0, plane: 0)
                    try decodeStrip(index, into: target.baseAddress!, size: size)
                    let skipped = (wanted.lowerBound - start) * bytesPerRow
                    try body(
                        UnsafeRawBufferPointer(rebasing: target[skipped..<skipped + wanted.count * bytesPerRow]),
                        wanted.count
                    )
                } else {
                    try assemble(chunkRow: chunkRow, rows: wanted, into: target) {
                        try decodeChunk($0, chunkRow: chunkRow)
                    }
                    try body(UnsafeRawBufferPointer(rebasing: target[0..<wanted.count * bytesPerRow]), wanted.count)
                }
            }
        }
    }

    /// Decodes rows `rows` of a 16-bit image as `UInt16` samples, interleaved.
    public func readRows16(_ rows: Range<Int>) throws -> [UInt16] {
        guard info.bitsPerSample == 16 else {
            throw ImageCodecError(
                .invalidArgument,
                path: handle.path,
                "readRows16 needs 16-bit samples; this image has \(info.bitsPerSample)-bit"
            )
        }
        let bytes = try readRows(rows)
        return [UInt16](unsafeUninitializedCapacity: bytes.count / 2) { buffer, count in
            bytes.withUnsafeBytes { UnsafeMutableRawBufferPointer(buffer).copyMemory(from: $0) }
            count = bytes.count / 2
        }
    }

    /// Decodes the whole first page (same layout as ``readRows(_:)``).
    public func readImage() throws -> [UInt8] {
        try readRows(0..<info.height)
    }

    /// Decodes rows `rows` straight into the band when they are whole contiguous strips, with
    /// no copy; nil when they are not.
    private func readWholeStrips(_ rows: Range<Int>) throws -> [UInt8]? {
        let height = geometry.chunkHeight
        guard !geometry.isTiled, geometry.planes == 1, rows.lowerBound % height == 0,
            rows.upperBound % height == 0 || rows.upperBound == info.height
        else { return nil }
        let bytesPerRow = info.bytesPerRow
        cache = [:]
        return try [UInt8](unsafeUninitializedCapacity: rows.count * bytesPerRow) { band, initialized in
            for chunkRow in geometry.chunkRows(overlapping: rows) {
                let size = geometry.storedRows(inChunkRow: chunkRow) * bytesPerRow
                let index = geometry.chunkIndex(handle.tif, chunkRow: chunkRow, chunkColumn: 0, plane: 0)
                let target = band.baseAddress! + (chunkRow * height - rows.lowerBound) * bytesPerRow
                try decodeStrip(index, into: target, size: size)
            }
            initialized = band.count
        }
    }

    /// Copies the part in rows `rows` of every strip or tile of chunk row `chunkRow`, as `chunk`
    /// decodes them by index, into `target`, whose first row is `rows.lowerBound`.
    private func assemble(
        chunkRow: Int,
        rows: Range<Int>,
        into target: UnsafeMutableRawBufferPointer,
        chunk: (UInt32) throws -> [UInt8]
    ) throws {
        for plane in 0..<geometry.planes {
            for chunkColumn in 0..<geometry.chunksAcross {
                let index = geometry.chunkIndex(handle.tif, chunkRow: chunkRow, chunkColumn: chunkColumn, plane: plane)
                try chunk(index).withUnsafeBytes { source in
                    geometry.copy(
                        chunk: source,
                        chunkRow: chunkRow,
                        chunkColumn: chunkColumn,
                        plane: plane,
                        rows: rows,
                        into: target
                    )
                }
            }
        }
    }

    /// Refuses a row range outside the image or empty.
    private func check(_ rows: Range<Int>) throws {
        guard rows.lowerBound >= 0, rows.upperBound <= info.height, !rows.isEmpty else {
            throw ImageCodecError(
                .invalidArgument,
                path: handle.path,
                "row range \(rows) is outside 0..<\(info.height) or empty"
            )
        }
    }

    /// Decodes strip `index`, `size` bytes of whole rows, into `target`.
    private func decodeStrip(_ index: UInt32, into target: UnsafeMutableRawPointer, size: Int) throws {
        let got = TIFFReadEncodedStrip(handle.tif, index, target, tmsize_t(size))
        if got < 0 {
            throw handle.failure(.corrupt, "corrupt TIFF: cannot decode strip \(index)")
        }
        if Int(got) < size {
            throw handle.failure(.truncated, "truncated TIFF: strip \(index) has only \(got) bytes")
        }
    }

    private func decodeChunk(_ index: UInt32, chunkRow: Int) throws -> [UInt8] {
        var chunk = [UInt8](repeating: 0, count: chunkBytes)
        let tif = handle.tif
        let got = chunk.withUnsafeMutableBytes { raw in
            geometry.isTiled
                ? TIFFReadEncodedTile(tif, index, raw.baseAddress, tmsize_t(raw.count))
                : TIFFReadEncodedStrip(tif, index, raw.baseAddress, tmsize_t(raw.count))
        }
        let what = geometry.isTiled ? "tile" : "strip"
        if got < 0 {
            throw handle.failure(.corrupt, "corrupt TIFF: cannot decode \(what) \(index)")
        }
        if Int(got) < geometry.storedRows(inChunkRow: chunkRow) * geometry.chunkRowBytes {
            throw handle.failure(.truncated, "truncated TIFF: \(what) \(index) has only \(got) bytes")
        }
        return chunk
    }

    /// Reads and validates the tags of the current (first) directory.
    private static func readInfo(_ handle: TIFFHandle) throws -> ImageInfo {
        let tags = TIFFTagReader(tif: handle.tif)
        func refuse(_ message: String) -> ImageCodecError {
            ImageCodecError(.unsupportedLayout, path: handle.path, message)
        }
        guard let width = tags.u32(TIFFCodes.imageWidth), let height = tags.u32(TIFFCodes.imageLength) else {
            throw handle.failure(.corrupt, "corrupt TIFF: missing image width or height")
        }
        let samples = Int(tags.u16(TIFFCodes.samplesPerPixel) ?? 1)
        let bits = Int(tags.u16(TIFFCodes.bitsPerSample) ?? 1)
        let compression = tags.u16(TIFFCodes.compression) ?? TIFFCodes.compressionNone
        let integers = "histeq reads 8- and 16-bit unsigned integers"
        switch tags.u16(TIFFCodes.sampleFormat) ?? TIFFCodes.sampleFormatUInt {
        case TIFFCodes.sampleFormatUInt, TIFFCodes.sampleFormatVoid: break
        case TIFFCodes.sampleFormatFloat: throw refuse("floating-point TIFF samples are not supported; \(integers)")
        case TIFFCodes.sampleFormatInt: throw refuse("signed-integer TIFF samples are not supported; \(integers)")
        case let other: throw refuse("TIFF sample format \(other) is not supported; \(integers)")
        }
        guard let photometric = tags.u16(TIFFCodes.photometric) else {
            throw handle.failure(.corrupt, "corrupt TIFF: missing PhotometricInterpretation")
        }
        if photometric == TIFFCodes.photometricPalette {
            throw refuse("palette (indexed-colour) TIFF is not supported; convert it to RGB or grayscale first")
        }
        guard bits == 8 || bits == 16 else {
            throw refuse("\(bits)-bit samples are not supported; histeq reads 8- and 16-bit TIFF")
        }
        var colorModel = ImageInfo.ColorModel(rawValue: photometric)
        if photometric == TIFFCodes.photometricYCbCr {
            guard compression == TIFFCodes.compressionJPEG,
                ctiff_set_int(handle.tif, TIFFCodes.jpegColorMode, TIFFCodes.jpegColorModeRGB) == 1
            else {
                throw refuse("YCbCr TIFF is only supported with JPEG compression")
            }
            colorModel = .rgb
        }
        guard let colorModel else {
            throw refuse("TIFF photometric interpretation \(TIFFCodes.photometricName(photometric)) is not supported")
        }
        guard TIFFIsCODECConfigured(compression) == 1 else {
            throw refuse("TIFF compression \(compression) is not supported by this libtiff")
        }
        guard samples >= 1 else { throw handle.failure(.corrupt, "corrupt TIFF: 0 samples per pixel") }
        let layout = tags.layout(compression: compression, height: height)
        if layout.isTiled != (TIFFIsTiled(handle.tif) != 0) || (layout.tileWidth ?? 1) == 0
            || (layout.tileHeight ?? 1) == 0
        {
            throw handle.failure(.corrupt, "corrupt TIFF: missing or zero tile size")
        }
        return ImageInfo(
            format: .tiff,
            width: Int(width),
            height: Int(height),
            samplesPerPixel: samples,
            bitsPerSample: bits,
            planarConfiguration: samples > 1 && tags.u16(TIFFCodes.planarConfig) == 2 ? .separate : .contiguous,
            colorModel: colorModel,
            extraSamples: tags.extraSamples(limit: samples),
            orientation: Int(tags.u16(TIFFCodes.orientation) ?? 1),
            pageCount: Int(TIFFNumberOfDirectories(handle.tif)),
            resolution: tags.resolution(),
            iccProfile: tags.blob(TIFFCodes.iccProfile),
            tiff: layout
        )
    }
}
