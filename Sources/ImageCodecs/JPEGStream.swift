import CJPEGStream

/// Streams a JPEG through libjpeg-turbo a band of rows at a time, so that no whole image is held.
///
/// A second thread decodes a few bands ahead while this thread hands each band to a closure:
/// ``scan(_:as:_:)`` only decodes, to count a histogram, and ``transcode(_:as:quality:metadata:_:)``
/// also encodes each band after the closure changed it, so decoding and encoding, the two costly
/// halves, run at once on two cores. The output keeps the input's size and sampling factors.
public enum JPEGStream {
    /// The form the bands take.
    public enum Rows: Sendable, Equatable {
        /// The stored Y (or gray) plane, without colour conversion or upsampling; the chroma planes
        /// pass through to the encoder, or become neutral (128) for a gray output.
        case lumaPlane(neutralChroma: Bool)
        /// Decoded pixels, gray (1 channel) or RGB (3).
        case pixels(channels: Int)
    }

    /// One band of rows: `rows` image rows of `width` bytes, `stride` bytes apart.
    public struct Band {
        /// The first byte of the first row.
        public let base: UnsafeMutableRawPointer
        /// The image rows in the band.
        public let rows: Int
        /// The bytes of image data in a row.
        public let width: Int
        /// The distance between rows, at least `width`.
        public let stride: Int

        /// The band's rows as one buffer, the last row's padding excluded.
        public var bytes: UnsafeMutableRawBufferPointer {
            UnsafeMutableRawBufferPointer(start: base, count: rows == 0 ? 0 : (rows - 1) * stride + width)
        }
    }

    /// Decodes `file` and calls `body` with every band of rows, in order, on this thread, while the
    /// next bands decode.
    public static func scan(_ file: JPEGFile, as rows: Rows, _ body: @escaping (Band) -> Void) throws {
        let listener = Listener(body)
        var options = options(rows, quality: 0)
        var message = [CChar](repeating: 0, count: 256)
        let status = file.data.withUnsafeBufferPointer { input in
            mr_jpeg_scan(
                input.baseAddress,
                input.count,
                &options,
                Listener.callback,
                Unmanaged.passUnretained(listener).toOpaque(),
                &message,
                message.count
            )
        }
        withExtendedLifetime(listener) {}
        try check(status, message: message, path: file.path, action: "decoding")
    }

    /// Decodes `file`, lets `body` change every band (on this thread, in order) and encodes the
    /// result at `quality`, with `metadata`'s segments after the start of image.
    ///
    /// The encoder writes the segments itself and writes into the returned array's own storage,
    /// reserved for an output as large as the decoded image (pages that are never written cost
    /// nothing): only a larger one, which a JPEG hardly ever is, is copied once more.
    public static func transcode(
        _ file: JPEGFile,
        as rows: Rows,
        quality: Int,
        metadata: JPEGMetadata?,
        _ body: @escaping (Band) -> Void
    ) throws -> [UInt8] {
        guard (1...100).contains(quality) else {
            throw ImageCodecError(.invalidArgument, path: file.path, "JPEG quality must be 1–100, not \(quality)")
        }
        let listener = Listener(body)
        var options = options(rows, quality: quality)
        let header = metadata?.headerLayout ?? (keepsEncoderJFIF: true, segments: [])
        let payloads = header.segments.flatMap(\.payload)
        var message = [CChar](repeating: 0, count: 256)
        var status = MR_JPEG_OK
        var spilled: UnsafeMutablePointer<UInt8>?
        var spilledSize = 0
        let decoded = file.header.width * file.header.height * (file.header.colorSpace == .gray ? 1 : 3)
        let capacity = max(decoded, file.data.count) + payloads.count + 4 * header.segments.count + 65_536
        let encoded = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
            initialized = 0
            payloads.withUnsafeBufferPointer { payloadBytes in
                var offset = 0
                let segments = header.segments.map { segment in
                    defer { offset += segment.payload.count }
                    return mr_jpeg_segment(
                        marker: Int32(segment.marker),
                        payload: payloadBytes.baseAddress.map { $0 + offset },
                        size: UInt32(segment.payload.count)
                    )
                }
                segments.withUnsafeBufferPointer { segmentList in
                    var layout = mr_jpeg_metadata(
                        write_jfif: header.keepsEncoderJFIF ? 1 : 0,
                        segments: segmentList.baseAddress,
                        count: segmentList.count
                    )
                    var output: UnsafeMutablePointer<UInt8>?
                    var size = 0
                    status = file.data.withUnsafeBufferPointer { input in
                        mr_jpeg_transcode(
                            input.baseAddress,
                            input.count,
                            &options,
                            &layout,
                            Listener.callback,
                            Unmanaged.passUnretained(listener).toOpaque(),
                            buffer.baseAddress,
                            buffer.count,
                            &output,
                            &size,
                            &message,
                            message.count
                        )
                    }
                    guard status == MR_JPEG_OK else { return }
                    if output == buffer.baseAddress {
                        initialized = size
                    } else {
                        spilled = output
                        spilledSize = size
                    }
                }
            }
        }
        withExtendedLifetime(listener) {}
        defer { mr_jpeg_free(spilled) }
        try check(status, message: message, path: file.path, action: "re-encoding")
        let output = spilled.map { Array(UnsafeBufferPointer(start: $0, count: spilledSize)) } ?? encoded
        guard !output.isEmpty else {
            throw ImageCodecError(.writeFailed, path: file.path, "JPEG encoding produced no data")
        }
        return output
    }

    private static func options(_ rows: Rows, quality: Int) -> mr_jpeg_stream_options {
        switch rows {
        case .lumaPlane(let neutral):
            mr_jpeg_stream_options(planes: 1, channels: 1, neutral_chroma: neutral ? 1 : 0, quality: Int32(quality))
        case .pixels(let channels):
            mr_jpeg_stream_options(planes: 0, channels: Int32(channels), neutral_chroma: 0, quality: Int32(quality))
        }
    }

    private static func check(_ status: mr_jpeg_status, message: [CChar], path: String, action: String) throws {
        let text = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        switch status {
        case MR_JPEG_OK: return
        case MR_JPEG_TRUNCATED:
            throw ImageCodecError(.truncated, path: path, "truncated JPEG: the file ends before the image data does")
        case MR_JPEG_ENCODE_FAILED: throw ImageCodecError(.writeFailed, path: path, "JPEG encoding failed: \(text)")
        case MR_JPEG_RESOURCES:
            throw ImageCodecError(.writeFailed, path: path, "out of memory or threads while \(action)")
        default: throw ImageCodecError(.corrupt, path: path, "\(action) failed: \(text)")
        }
    }

    /// Carries the Swift closure through the C callback's context pointer.
    private final class Listener {
        let body: (Band) -> Void

        init(_ body: @escaping (Band) -> Void) {
            self.body = body
        }

        static let callback: mr_jpeg_rows_callback = { context, rows, count, width, stride in
            guard let context, let rows else { return }
            let listener = Unmanaged<Listener>.fromOpaque(context).takeUnretainedValue()
            listener.body(Band(base: UnsafeMutableRawPointer(rows), rows: count, width: width, stride: stride))
        }
    }
}
