import NIOCore

/// The mutable bookkeeping of a ``WireConnection``: outstanding calls and open inbound streams.
///
/// Always accessed under the connection's lock; every method is synchronous and returns the
/// continuations to resume, so nothing is resumed while the lock is held.
struct ConnectionState {
    /// A response: the frame and, when the frame announced one, its stream.
    struct Response: Sendable {
        var frame: Frame
        var body: ChunkStream?
    }

    /// Identifies an inbound stream: streams that answer our requests carry the response flag.
    struct StreamKey: Hashable {
        var requestID: UInt64
        var isResponse: Bool
    }

    enum PendingCall {
        case registered
        case waiting(CheckedContinuation<Response, any Error>)
        case answered(Result<Response, any Error>)
    }

    typealias Resumption = (CheckedContinuation<Response, any Error>, Result<Response, any Error>)

    private var nextRequestID: UInt64 = 1
    private var pending: [UInt64: PendingCall] = [:]
    private(set) var streams: [StreamKey: AsyncBoundedQueue<ByteBuffer>] = [:]
    private(set) var closeReason: WireError?

    /// Allocates a request id and records the call, unless the connection is closed.
    mutating func register() throws -> UInt64 {
        if let closeReason {
            throw closeReason
        }
        let id = nextRequestID
        nextRequestID &+= 1
        if nextRequestID == 0 {
            nextRequestID = 1
        }
        pending[id] = .registered
        return id
    }

    /// Forgets a call whose request could not be sent.
    mutating func unregister(_ id: UInt64) {
        pending[id] = nil
    }

    /// Parks the caller's continuation, or hands back the result if it has already arrived.
    mutating func await(_ id: UInt64, continuation: CheckedContinuation<Response, any Error>) -> Resumption? {
        switch pending[id] {
        case .registered:
            pending[id] = .waiting(continuation)
            return nil
        case .answered(let result):
            pending[id] = nil
            return (continuation, result)
        case .waiting, .none:
            pending[id] = nil
            return (continuation, .failure(closeReason ?? .connectionClosed))
        }
    }

    /// Records the outcome of a call; returns the continuation to resume if the caller is waiting.
    ///
    /// Returns `false` as the second value when no such call is outstanding any more.
    mutating func complete(_ id: UInt64, with result: Result<Response, any Error>) -> (Resumption?, Bool) {
        switch pending[id] {
        case .registered:
            pending[id] = .answered(result)
            return (nil, true)
        case .waiting(let continuation):
            pending[id] = nil
            return ((continuation, result), true)
        case .answered, .none:
            return (nil, false)
        }
    }

    /// The error a call was answered with before its caller started waiting, if any.
    func earlyFailure(of id: UInt64) -> (any Error)? {
        if case .answered(.failure(let error)) = pending[id] {
            return error
        }
        return nil
    }

    /// Opens an inbound stream, or returns `nil` when the connection is closed.
    mutating func openStream(_ key: StreamKey, capacity: Int) -> ChunkStream? {
        guard closeReason == nil else {
            return nil
        }
        let queue = AsyncBoundedQueue<ByteBuffer>(capacity: capacity)
        streams[key]?.finish(throwing: WireError.malformed("stream \(key.requestID) was opened twice"))
        streams[key] = queue
        return ChunkStream(queue: queue)
    }

    /// Removes an inbound stream, returning its queue for the caller to finish.
    mutating func removeStream(_ key: StreamKey) -> AsyncBoundedQueue<ByteBuffer>? {
        streams.removeValue(forKey: key)
    }

    /// Marks the connection closed and collects everything that must be failed.
    mutating func close(reason: WireError) -> (calls: [Resumption], streams: [AsyncBoundedQueue<ByteBuffer>]) {
        if closeReason == nil {
            closeReason = reason
        }
        let failure = Result<Response, any Error>.failure(closeReason ?? reason)
        var resumptions: [Resumption] = []
        for (id, call) in pending {
            switch call {
            case .registered:
                pending[id] = .answered(failure)
            case .waiting(let continuation):
                pending[id] = nil
                resumptions.append((continuation, failure))
            case .answered:
                break
            }
        }
        let open = Array(streams.values)
        streams = [:]
        return (resumptions, open)
    }

    /// Records a connection-level error the remote side reported before closing.
    mutating func recordRemoteError(_ error: WireError) {
        if closeReason == nil {
            closeReason = error
        }
    }
}
