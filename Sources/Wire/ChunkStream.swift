import NIOCore

/// The receiving end of a chunked bulk-data stream: an asynchronous sequence of byte chunks.
///
/// Chunks arrive as the sender writes them and are handed out one at a time; only a few chunks
/// are buffered, so a slow consumer slows the sender down instead of filling memory. The sequence
/// ends when the sender finishes the stream and throws ``WireError/remote(_:)`` if the sender
/// aborts it. Dropping every copy of the stream (or calling ``discard()``) tells the connection
/// to throw away the rest of the stream's chunks as they arrive.
public struct ChunkStream: AsyncSequence, Sendable {
    /// Each element is one chunk's bytes.
    public typealias Element = ByteBuffer

    /// Drops the stream's remaining chunks once the last copy of the stream is gone.
    final class Lifetime: Sendable {
        let queue: AsyncBoundedQueue<ByteBuffer>

        init(queue: AsyncBoundedQueue<ByteBuffer>) {
            self.queue = queue
        }

        deinit {
            queue.discard()
        }
    }

    let lifetime: Lifetime

    init(queue: AsyncBoundedQueue<ByteBuffer>) {
        lifetime = Lifetime(queue: queue)
    }

    /// Stops consuming: chunks already buffered and all later ones are dropped.
    public func discard() {
        lifetime.queue.discard()
    }

    /// Reads the whole stream into one buffer, refusing streams longer than `maximumBytes`.
    ///
    /// Meant for small payloads; large ones should be processed chunk by chunk.
    public func collect(upTo maximumBytes: Int) async throws -> ByteBuffer {
        var result = ByteBuffer()
        for try await chunk in self {
            guard result.readableBytes + chunk.readableBytes <= maximumBytes else {
                discard()
                throw WireError.malformed("stream exceeds the limit of \(maximumBytes) bytes")
            }
            result.writeImmutableBuffer(chunk)
        }
        return result
    }

    /// Creates the iterator; a stream can be iterated only once.
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(lifetime: lifetime)
    }

    /// Hands out the stream's chunks in order.
    public struct AsyncIterator: AsyncIteratorProtocol {
        let lifetime: Lifetime

        /// Returns the next chunk, or `nil` at the end of the stream.
        public mutating func next() async throws -> ByteBuffer? {
            try await lifetime.queue.next()
        }
    }
}
