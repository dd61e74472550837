import Glibc

/// A read-only view of part of a file through the page cache, unmapped when released.
///
/// Reading a large record this way touches no fresh memory: its pages are the page cache's own,
/// where `read` would copy them into newly faulted anonymous pages. The file must not shrink
/// while it is mapped; map outputs, the one use, are never changed once written.
public final class FileMapping: @unchecked Sendable {
    /// The mapped bytes.
    public let bytes: UnsafeRawBufferPointer
    private let base: UnsafeMutableRawPointer
    private let length: Int

    /// Maps `count` bytes of the file open as `descriptor` (`path` names it in errors) from `offset`.
    init(descriptor: Int32, path: String, offset: Int64, count: Int) throws {
        let page = Int64(sysconf(Int32(_SC_PAGESIZE)))
        let alignedOffset = offset - offset % page
        let lead = Int(offset - alignedOffset)
        length = lead + count
        let address = mmap(nil, length, PROT_READ, MAP_PRIVATE | MAP_POPULATE, descriptor, off_t(alignedOffset))
        guard let address, address != MAP_FAILED else { throw SystemError(path: path, action: "cannot map") }
        base = address
        bytes = UnsafeRawBufferPointer(start: address + lead, count: count)
    }

    deinit {
        munmap(base, length)
    }
}
