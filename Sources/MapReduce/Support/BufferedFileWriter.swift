import Glibc

/// A file opened for writing through a fixed-size buffer, with errors that name the file.
public final class BufferedFileWriter {
    /// The file's path.
    public let path: String
    /// Bytes written so far, buffered ones included.
    @exclusivity(unchecked) public private(set) var offset: Int64 = 0
    private let descriptor: Int32
    /// Unchecked: ``append(_:)`` lends it to a closure for every record, which would otherwise
    /// pay a dynamic exclusivity check each time. The writer is used by one thread.
    @exclusivity(unchecked) private var buffer = ByteWriter(capacity: 1 << 16)
    private let capacity: Int
    private var closed = false

    /// Creates (or truncates) the file at `path`.
    public init(path: String, bufferSize: Int = 1 << 16) throws {
        self.path = path
        self.capacity = bufferSize
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw SystemError(path: path, action: "cannot create") }
    }

    deinit {
        if !closed { _ = Glibc.close(descriptor) }
    }

    /// Appends raw bytes.
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        offset += Int64(bytes.count)
        if buffer.count + bytes.count > capacity { try flush() }
        if bytes.count >= capacity {
            try writeFully(bytes)
        } else {
            buffer.write(bytes)
        }
    }

    /// Appends the bytes of an array.
    public func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    /// Appends what a closure writes into a scratch writer, through the buffer.
    public func append(_ body: (inout ByteWriter) -> Void) throws {
        let before = buffer.count
        body(&buffer)
        offset += Int64(buffer.count - before)
        if buffer.count >= capacity { try flush() }
    }

    /// Writes the buffered bytes to the file.
    public func flush() throws {
        guard buffer.count > 0 else { return }
        try buffer.bytes.withUnsafeBytes { try writeFully($0) }
        buffer.removeAll()
    }

    /// Flushes and closes the file; with `sync`, also forces it to disk.
    public func close(sync: Bool = false) throws {
        guard !closed else { return }
        try flush()
        closed = true
        if sync, fsync(descriptor) != 0 {
            _ = Glibc.close(descriptor)
            throw SystemError(path: path, action: "cannot sync")
        }
        guard Glibc.close(descriptor) == 0 else { throw SystemError(path: path, action: "cannot close") }
    }

    private func writeFully(_ bytes: UnsafeRawBufferPointer) throws {
        var done = 0
        while done < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress! + done, bytes.count - done)
            if written < 0 {
                if errno == EINTR { continue }
                throw SystemError(path: path, action: "cannot write")
            }
            done += written
        }
    }
}
