import Foundation
import MapReduce
import NIOCore
import Wire

/// Files as chunk streams: received into a file through a temporary name, or sent from one.
enum FileStreaming {
    /// Writes a stream to `path` through a temporary name, creating directories as needed.
    static func receive(_ body: ChunkStream?, into path: String) async throws {
        guard let body else { throw InputError(path: path, problem: "the request carries no data stream") }
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let temporary = path + ".partial"
        let file = try BufferedFileWriter(path: temporary, bufferSize: 1 << 18)
        do {
            for try await chunk in body {
                try chunk.withUnsafeReadableBytes { try file.write($0) }
            }
            try file.close()
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
            to: request, type: request.type, payload: DownloadOutputReply(size: file.size).encodedBuffer()
        ) { writer in
            try await stream(file, from: 0, length: file.size, to: writer)
        }
    }

    /// Writes `length` bytes of `file` from `offset` as chunks.
    static func stream(_ file: FileReadHandle, from offset: Int64, length: Int64, to writer: ChunkStreamWriter) async throws {
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
