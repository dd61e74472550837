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
    /// Every plane, one after the other, in the layout TurboJPEG reads and writes.
    private var storage: [UInt8]
    /// Where each plane starts in `storage`, and where the last one ends.
    private let offsets: [Int]

    /// Wraps existing planes; throws ``ImageCodecError/Kind/invalidArgument``
    /// unless there are 1 (gray) or 3 planes of exactly the sizes
    /// ``planeWidth(_:)`` × ``planeHeight(_:)`` require.
    public init(width: Int, height: Int, subsampling: JPEGHeader.Subsampling, planes: [[UInt8]]) throws {
        let expected = subsampling == .gray ? 1 : 3
        guard width > 0, height > 0, planes.count == expected,
              planes.indices.allSatisfy({
                  planes[$0].count == Self.planeWidth($0, width: width, subsampling: subsampling)
                      * Self.planeHeight($0, height: height, subsampling: subsampling)
              }) else {
            throw ImageCodecError(.invalidArgument, path: "yuv",
                                  "YUV planes do not match \(width)×\(height) \(subsampling.name)")
        }
        self.width = width
        self.height = height
        self.subsampling = subsampling
        storage = planes.flatMap { $0 }
        offsets = planes.reduce(into: [0]) { $0.append($0.last! + $1.count) }
    }

    private init(width: Int, height: Int, subsampling: JPEGHeader.Subsampling, storage: [UInt8], offsets: [Int]) {
        self.width = width
        self.height = height
        self.subsampling = subsampling
        self.storage = storage
        self.offsets = offsets
    }

    /// Copies of the Y (then Cb and Cr, unless gray) planes; assigning replaces them, and the
    /// new planes must keep their sizes.
    public var planes: [[UInt8]] {
        get { (0..<offsets.count - 1).map { Array(storage[offsets[$0]..<offsets[$0 + 1]]) } }
        set {
            precondition(newValue.count == offsets.count - 1
                && newValue.indices.allSatisfy { newValue[$0].count == offsets[$0 + 1] - offsets[$0] },
                "YUV planes must keep their sizes")
            storage = newValue.flatMap { $0 }
        }
    }

    /// The Y plane, `planeWidth(0) × planeHeight(0)` bytes (see the padding
    /// note above); assign to replace it.
    public var luma: [UInt8] {
        get { Array(storage[0..<offsets[1]]) }
        set {
            precondition(newValue.count == offsets[1], "the Y plane must keep its size")
            storage.replaceSubrange(0..<offsets[1], with: newValue)
        }
    }

    /// Calls `body` with the bytes of plane `index`, in place, to read or change them.
    public mutating func withUnsafeMutablePlane<R>(
        _ index: Int, _ body: (UnsafeMutableRawBufferPointer) throws -> R
    ) rethrows -> R {
        let range = offsets[index]..<offsets[index + 1]
        return try storage.withUnsafeMutableBytes { try body(UnsafeMutableRawBufferPointer(rebasing: $0[range])) }
    }

    /// Calls `body` with the bytes of plane `index`.
    public func withUnsafePlane<R>(_ index: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        let range = offsets[index]..<offsets[index + 1]
        return try storage.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[range])) }
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

    /// Calls `body` with one base pointer per plane (valid only inside it), without copying;
    /// `body` must only read through them.
    func withPlanePointers<R>(_ body: ([UnsafePointer<UInt8>?]) throws -> R) rethrows -> R {
        try storage.withUnsafeBufferPointer { buffer in
            try body((0..<offsets.count - 1).map { buffer.baseAddress! + offsets[$0] })
        }
    }

    /// Allocates one buffer for all planes and lets `body` fill it through
    /// one pointer per plane; the planes stay in that buffer.
    static func decode(
        width: Int, height: Int, subsampling: JPEGHeader.Subsampling,
        _ body: ([UnsafeMutablePointer<UInt8>?]) throws -> Void
    ) throws -> YUVPlanes {
        let count = subsampling == .gray ? 1 : 3
        let sizes = (0..<count).map {
            planeWidth($0, width: width, subsampling: subsampling) * planeHeight($0, height: height, subsampling: subsampling)
        }
        let offsets = sizes.reduce(into: [0]) { $0.append($0.last! + $1) }
        let storage = try [UInt8](unsafeUninitializedCapacity: offsets.last!) { buffer, count in
            try body(sizes.indices.map { buffer.baseAddress! + offsets[$0] })
            count = buffer.count
        }
        return YUVPlanes(width: width, height: height, subsampling: subsampling, storage: storage, offsets: offsets)
    }
}
