import CTurboJPEG

/// A JPEG's decoded Y, Cb and Cr planes at their stored (subsampled) sizes.
///
/// Decoding to planes skips colour conversion and chroma upsampling, so a
/// job can equalize ``luma`` directly, keep the chroma planes untouched, and
/// re-encode with the source subsampling. A grayscale JPEG has one plane.
/// Plane rows are tightly packed (stride = plane width).
///
/// TurboJPEG pads planes to whole chroma blocks: with 4:2:0 a 33×21 image
/// has a 34×22 Y plane. Only the top-left ``width`` × ``height`` bytes of
/// the Y plane are image pixels; use ``planeWidth(_:)`` as the row stride
/// and ignore the padding column/row when building a histogram.
public struct YUVPlanes: Sendable, Equatable {
    /// Image width in pixels (the luma plane width).
    public let width: Int
    /// Image height in pixels (the luma plane height).
    public let height: Int
    /// Chroma subsampling of the planes.
    public let subsampling: JPEGHeader.Subsampling
    /// Y (then Cb and Cr, unless gray) plane bytes.
    public var planes: [[UInt8]]

    /// Wraps existing planes; throws ``ImageCodecError/Kind/invalidArgument``
    /// unless there are 1 (gray) or 3 planes of exactly the sizes
    /// ``planeWidth(_:)`` × ``planeHeight(_:)`` require.
    public init(width: Int, height: Int, subsampling: JPEGHeader.Subsampling, planes: [[UInt8]]) throws {
        self.width = width
        self.height = height
        self.subsampling = subsampling
        self.planes = planes
        let expected = subsampling == .gray ? 1 : 3
        guard width > 0, height > 0, planes.count == expected,
              planes.indices.allSatisfy({ planes[$0].count == planeWidth($0) * planeHeight($0) }) else {
            throw ImageCodecError(.invalidArgument, path: "yuv",
                                  "YUV planes do not match \(width)×\(height) \(subsampling.name)")
        }
    }

    /// The Y plane, `planeWidth(0) × planeHeight(0)` bytes (see the padding
    /// note above); assign to replace it.
    public var luma: [UInt8] {
        get { planes[0] }
        set { planes[0] = newValue }
    }

    /// The width in bytes of plane `index` (0 = Y, 1 = Cb, 2 = Cr).
    public func planeWidth(_ index: Int) -> Int {
        YUVPlanes.planeWidth(index, width: width, subsampling: subsampling)
    }

    /// The height in rows of plane `index` (0 = Y, 1 = Cb, 2 = Cr).
    public func planeHeight(_ index: Int) -> Int {
        YUVPlanes.planeHeight(index, height: height, subsampling: subsampling)
    }

    private static func planeWidth(_ index: Int, width: Int, subsampling: JPEGHeader.Subsampling) -> Int {
        Int(tjPlaneWidth(Int32(index), Int32(width), subsampling.rawValue))
    }

    private static func planeHeight(_ index: Int, height: Int, subsampling: JPEGHeader.Subsampling) -> Int {
        Int(tjPlaneHeight(Int32(index), Int32(height), subsampling.rawValue))
    }

    /// Calls `body` with one base pointer per plane (valid only inside it).
    func withPlanePointers<R>(_ body: ([UnsafeMutablePointer<UInt8>?]) throws -> R) rethrows -> R {
        var joined = planes.flatMap { $0 }
        let offsets = planes.reduce(into: [0]) { $0.append($0.last! + $1.count) }
        return try joined.withUnsafeMutableBufferPointer { buffer in
            try body(planes.indices.map { buffer.baseAddress! + offsets[$0] })
        }
    }

    /// Allocates one buffer for all planes, lets `body` fill it through one
    /// pointer per plane, then splits it into a `YUVPlanes` value.
    static func decode(
        width: Int, height: Int, subsampling: JPEGHeader.Subsampling,
        _ body: ([UnsafeMutablePointer<UInt8>?]) throws -> Void
    ) throws -> YUVPlanes {
        let count = subsampling == .gray ? 1 : 3
        let sizes = (0..<count).map {
            planeWidth($0, width: width, subsampling: subsampling) * planeHeight($0, height: height, subsampling: subsampling)
        }
        let offsets = sizes.reduce(into: [0]) { $0.append($0.last! + $1) }
        var joined = [UInt8](repeating: 0, count: offsets.last!)
        try joined.withUnsafeMutableBufferPointer { buffer in
            try body(sizes.indices.map { buffer.baseAddress! + offsets[$0] })
        }
        let planes = sizes.indices.map { Array(joined[offsets[$0]..<offsets[$0 + 1]]) }
        return try YUVPlanes(width: width, height: height, subsampling: subsampling, planes: planes)
    }
}
