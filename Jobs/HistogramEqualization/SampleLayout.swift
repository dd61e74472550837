/// Where a band's samples are in its buffer: interleaved pixels, rows of `stride` bytes of which
/// the first `width` pixels are image pixels (the rest is codec padding).
public struct SampleLayout: Sendable, Equatable {
    /// Samples per pixel in the buffer.
    public let samplesPerPixel: Int
    /// 1 or 2; 16-bit samples are in host byte order.
    public let bytesPerSample: Int
    /// Image pixels per row.
    public let width: Int
    /// Bytes from one row to the next.
    public let stride: Int

    /// Creates a layout; `stride` defaults to tightly packed rows.
    public init(samplesPerPixel: Int, bytesPerSample: Int, width: Int, stride: Int? = nil) {
        self.samplesPerPixel = samplesPerPixel
        self.bytesPerSample = bytesPerSample
        self.width = width
        self.stride = stride ?? width * samplesPerPixel * bytesPerSample
    }

    /// The same samples in rows `stride` bytes apart (a codec's padded rows).
    public func withStride(_ stride: Int) -> SampleLayout {
        SampleLayout(samplesPerPixel: samplesPerPixel, bytesPerSample: bytesPerSample, width: width, stride: stride)
    }
}
