/// The requests the remote side sends on a connection, as an asynchronous sequence.
///
/// The sequence ends when the connection closes. It has a single consumer and a small buffer: a
/// handler that stops iterating stops the connection from reading, so the remote side slows down.
public struct IncomingRequests: AsyncSequence, Sendable {
    /// Each element is one request.
    public typealias Element = IncomingRequest

    let queue: AsyncBoundedQueue<IncomingRequest>

    /// Creates the iterator; the requests can be iterated only once.
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(queue: queue)
    }

    /// Hands out requests in the order they arrived.
    public struct AsyncIterator: AsyncIteratorProtocol {
        let queue: AsyncBoundedQueue<IncomingRequest>

        /// Returns the next request, or `nil` once the connection has closed.
        public mutating func next() async throws -> IncomingRequest? {
            try await queue.next()
        }
    }
}
