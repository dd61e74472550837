/// One map output segment kept in memory during the shuffle: the records' bytes as a map output
/// file holds them, in memory reserved in a ``ShuffleMemory`` and freed with the segment.
///
/// One task fills it (``append(_:)``) before handing it on; afterwards it is only read.
public final class MemorySegment: @unchecked Sendable {
    /// The segment's bytes.
    let bytes: UnsafeMutableRawBufferPointer
    private let memory: ShuffleMemory
    /// How many bytes have been filled in.
    public private(set) var filled = 0

    /// Allocates a segment of `length` bytes, which the caller has reserved in `memory`.
    public init(length: Int, reservedIn memory: ShuffleMemory) {
        bytes = .allocate(byteCount: max(1, length), alignment: 16)
        self.memory = memory
        self.length = length
    }

    deinit {
        bytes.deallocate()
        memory.release(Int64(length))
    }

    /// The segment's size.
    public let length: Int

    /// Whether every byte has been filled in.
    public var isComplete: Bool { filled == length }

    /// Copies `chunk` after the bytes filled in so far; throws when it would pass the length.
    public func append(_ chunk: UnsafeRawBufferPointer) throws {
        guard chunk.count <= length - filled else {
            throw MapOutputFileError(path: "a segment in memory", problem: "more than its \(length) bytes arrived")
        }
        guard let source = chunk.baseAddress, !chunk.isEmpty else { return }
        (bytes.baseAddress! + filled).copyMemory(from: source, byteCount: chunk.count)
        filled += chunk.count
    }

    /// The filled bytes.
    var contents: UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: bytes[0..<filled]) }
}
