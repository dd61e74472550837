import NIOCore

/// The sending end of a chunked bulk-data stream.
///
/// Bytes written are cut into chunk frames of at most the connection's chunk size. Every frame
/// is handed to the channel's outbound writer, which suspends while the channel is not writable,
/// so a sender can never run ahead of the network and the receiver by more than a few buffers.
/// The stream is ended for you when the closure that received the writer returns.
public struct ChunkStreamWriter: Sendable {
    let connection: WireConnection
    let requestID: UInt64
    let flags: FrameFlags

    /// The largest chunk this writer sends in one frame.
    public var chunkSize: Int {
        connection.settings.chunkSize
    }

    /// Sends the readable bytes of `bytes` as one or more chunks, waiting for writability.
    ///
    /// Writing no bytes sends nothing.
    public func write(_ bytes: ByteBuffer) async throws {
        var remaining = bytes
        while remaining.readableBytes > 0 {
            if let error = connection.uploadAbortError(requestID: requestID, flags: flags) {
                throw error
            }
            let chunk = remaining.readSlice(length: min(chunkSize, remaining.readableBytes)) ?? ByteBuffer()
            try await connection.send(Frame(type: .streamChunk, requestID: requestID, flags: flags, payload: chunk))
        }
    }

    /// Sends `bytes` as one or more chunks, waiting for writability.
    public func write(_ bytes: some Collection<UInt8>) async throws {
        try await write(ByteBuffer(bytes: bytes))
    }
}
