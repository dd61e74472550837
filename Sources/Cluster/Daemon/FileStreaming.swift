import Crypto
import Foundation
import MapReduce
import NIOCore
import Wire

/// Files as chunk streams: received into a file through a temporary name, or sent from one.
enum FileStreaming {
    /// Writes a stream to `path` through a temporary name, creating directories as needed.
    static func receive(_ body: ChunkStream?, into path: String) async throws {
        try await receive(body, into: path) { _ in }
    }

    /// Writes a stream of exactly `size` bytes whose SHA-256 is `sha256` to `path`, through a
    /// temporary name; anything else is refused and leaves no file.
    static func receive(_ body: ChunkStream?, into path: String, size: Int64, sha256: String) async throws {
        var hasher = SHA256()
        var received: Int64 = 0
        try await receive(body, into: path) { chunk in
            received += Int64(chunk.readableBytes)
            guard received <= size else {
                throw InputError(path: path, problem: "more than the announced \(size) bytes arrived")
            }
            chunk.withUnsafeReadableBytes { hasher.update(bufferPointer: $0) }
        } verify: {
            guard received == size else {
                throw InputError(path: path, problem: "\(received) bytes arrived, not the announced \(size)")
            }
            let digest = FileDigest.hex(hasher.finalize())
            guard digest == sha256 else {
                throw InputError(path: path, problem: "the bytes' SHA-256 is \(digest), not the announced \(sha256)")
            }
        }
    }

    private static func receive(
        _ body: ChunkStream?,
        into path: String,
        observe: (ByteBuffer) throws -> Void,
        verify: () throws -> Void = {}
    ) async throws {
        guard let body else { throw InputError(path: path, problem: "the request carries no data stream") }
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent,
            withIntermediateDirectories: true
        )
        let temporary = path + ".partial"
        let file = try BufferedFileWriter(path: temporary, bufferSize: 1 << 18)
        do {
            for try await chunk in body {
                try observe(chunk)
                try chunk.withUnsafeReadableBytes { try file.write($0) }
            }
            try file.close()
            try verify()
            guard rename(temporary, path) == 0 else { throw SystemError(path: temporary, action: "cannot rename") }
        } catch {
            unlink(temporary)
            throw error
        }
    }

    /// Answers with a file's size and then its bytes as a stream.
    static func send(_ path: String, for request: IncomingRequest, on connection: WireConnection) async throws {
        let file = try FileReadHandle(path: path)
        try await connection.respondWithStream(
            to: request,
            type: request.type,
            payload: DownloadOutputReply(size: file.size).encodedBuffer()
        ) { writer in
            try await stream(file, from: 0, length: file.size, to: writer)
        }
    }

    /// Writes `length` bytes of `file` from `offset` as chunks.
    static func stream(
        _ file: FileReadHandle,
        from offset: Int64,
        length: Int64,
        to writer: ChunkStreamWriter
    ) async throws {
        var position = offset
        let end = offset + length
        var buffer = [UInt8](repeating: 0, count: writer.chunkSize)
        while position < end {
            let wanted = Int(min(Int64(buffer.count), end - position))
            let read = try buffer.withUnsafeMutableBytes {
                try file.read(into: UnsafeMutableRawBufferPointer(rebasing: $0[0..<wanted]), at: position)
            }
            guard read > 0 else { throw InputError(path: file.path, problem: "file ended early") }
            try await writer.write(buffer[0..<read])
            position += Int64(read)
        }
    }
}
