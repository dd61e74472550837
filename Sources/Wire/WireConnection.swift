import Logging
import NIOConcurrencyHelpers
import NIOCore

/// An authenticated connection, used the same way on the server and the client side.
///
/// Requests are multiplexed by request id: any number of ``call(_:payload:timeout:)`` may be in
/// flight at once from different tasks, and responses may arrive in any order. Requests the
/// remote side sends appear in ``requests``; answer each with one of the `respond` methods.
///
/// Frames are read by a single dispatch loop. While a consumer (the ``requests`` iterator or a
/// ``ChunkStream``) is not keeping up, the loop stops reading, which pushes back on the sender
/// through TCP. The price is head-of-line blocking: an unconsumed stream also holds back the
/// other traffic on the same connection, so consume or discard every stream you receive.
public final class WireConnection: Sendable {
    /// The authenticated identity of the remote side.
    public let peer: WirePeer

    /// The requests the remote side sends, in arrival order; the sequence ends when the connection closes.
    public let requests: IncomingRequests

    let channel: any Channel
    let outbound: NIOAsyncChannelOutboundWriter<Frame>
    let settings: ConnectionSettings
    let incoming: AsyncBoundedQueue<IncomingRequest>
    let state = NIOLockedValueBox(ConnectionState())
    let logger: Logger

    init(
        peer: WirePeer,
        channel: any Channel,
        outbound: NIOAsyncChannelOutboundWriter<Frame>,
        settings: ConnectionSettings,
        logger: Logger
    ) {
        self.peer = peer
        self.channel = channel
        self.outbound = outbound
        self.settings = settings
        self.logger = logger
        incoming = AsyncBoundedQueue(capacity: settings.requestBufferSize)
        requests = IncomingRequests(queue: incoming)
        channel.closeFuture.whenComplete { _ in
            self.shutDown(reason: .connectionClosed)
        }
    }

    /// The address of the remote side, if known.
    public var remoteAddress: SocketAddress? {
        channel.remoteAddress
    }

    /// Whether the connection has been closed, by either side.
    public var isClosed: Bool {
        state.withLockedValue { $0.closeReason != nil }
    }

    /// The size of the chunks this connection cuts streams into.
    public var chunkSize: Int {
        settings.chunkSize
    }

    /// Sends a request and waits for its response frame.
    ///
    /// Throws ``WireError/remote(_:)`` if the remote side answers with an error frame,
    /// ``WireError/timedOut(_:)`` after `timeout` (default: the configured request timeout), and
    /// ``WireError/connectionClosed`` if the connection closes first. A stream attached to the
    /// response is discarded; use ``download(_:payload:timeout:)`` to receive one.
    public func call(
        _ type: MessageType,
        payload: ByteBuffer = ByteBuffer(),
        timeout: Duration? = nil
    ) async throws -> Frame {
        let response = try await perform(type, timeout: timeout) { id in
            try await send(Frame(type: type, requestID: id, payload: payload))
        }
        response.body?.discard()
        return response.frame
    }

    /// Sends a typed request and decodes the typed response.
    public func call<Request: WireMessage, Response: WireMessage>(
        _ request: Request,
        expecting responseType: Response.Type = Response.self,
        timeout: Duration? = nil
    ) async throws -> Response {
        try await call(Request.messageType, payload: request.encodedBuffer(), timeout: timeout).decode(as: responseType)
    }

    /// Sends a request and returns its response frame together with the stream that follows it.
    ///
    /// The timeout covers the wait for the response frame only; the stream itself has no deadline.
    public func download(
        _ type: MessageType,
        payload: ByteBuffer = ByteBuffer(),
        timeout: Duration? = nil
    ) async throws -> StreamingResponse {
        let response = try await perform(type, timeout: timeout) { id in
            try await send(Frame(type: type, requestID: id, payload: payload))
        }
        guard let body = response.body else {
            throw WireError.malformed("the response to message type \(type) carries no stream")
        }
        return StreamingResponse(header: response.frame, body: body)
    }

    /// Sends a request followed by a chunked stream that `body` writes, then waits for the response.
    ///
    /// Each write waits while the channel is not writable. If `body` throws, the stream is aborted
    /// with an error frame and the error is rethrown. If the remote side answers with an error
    /// before the upload ends, the next write throws that error. The timeout starts once the
    /// stream has been sent.
    public func upload(
        _ type: MessageType,
        payload: ByteBuffer = ByteBuffer(),
        timeout: Duration? = nil,
        body: (ChunkStreamWriter) async throws -> Void
    ) async throws -> Frame {
        let response = try await perform(type, timeout: timeout) { id in
            try await send(Frame(type: type, requestID: id, flags: .streamFollows, payload: payload))
            try await writeStream(requestID: id, flags: [], body: body)
        }
        response.body?.discard()
        return response.frame
    }

    /// Answers a request with a response frame.
    public func respond(to request: IncomingRequest, type: MessageType, payload: ByteBuffer = ByteBuffer()) async throws
    {
        try await send(Frame(type: type, requestID: request.requestID, flags: .response, payload: payload))
    }

    /// Answers a request with a typed message.
    public func respond(to request: IncomingRequest, with message: some WireMessage) async throws {
        try await send(Frame(message, requestID: request.requestID, flags: .response))
    }

    /// Answers a request with an error frame whose message reaches the caller as the thrown error.
    public func respond(
        to request: IncomingRequest,
        error message: String,
        code: WireErrorCode = .application
    ) async throws {
        try await send(
            Frame(ErrorMessage(code: code, message: message), requestID: request.requestID, flags: .response)
        )
    }

    /// Answers a request with a response frame followed by a chunked stream that `body` writes.
    ///
    /// If `body` throws, the stream is aborted with an error frame carrying the error's
    /// description, which the receiver's ``ChunkStream`` throws, and the error is rethrown.
    public func respondWithStream(
        to request: IncomingRequest,
        type: MessageType,
        payload: ByteBuffer = ByteBuffer(),
        body: (ChunkStreamWriter) async throws -> Void
    ) async throws {
        try await send(
            Frame(type: type, requestID: request.requestID, flags: [.response, .streamFollows], payload: payload)
        )
        try await writeStream(requestID: request.requestID, flags: .response, body: body)
    }

    /// Sends a frame as is, waiting while the channel is not writable.
    ///
    /// Frames with request id 0 and no response flag are one-way notifications: the receiver sees
    /// them in ``requests`` and must not answer them.
    public func send(_ frame: Frame) async throws {
        guard frame.length <= settings.maximumFrameLength else {
            throw WireError.frameTooLarge(length: frame.length, maximum: settings.maximumFrameLength)
        }
        if let reason = state.withLockedValue({ $0.closeReason }) {
            throw reason
        }
        do {
            try await outbound.write(frame)
        } catch {
            throw state.withLockedValue { $0.closeReason } ?? WireError.connectionClosed
        }
    }

    /// Closes the connection and waits until it is closed; outstanding calls fail.
    public func close() async {
        channel.close(promise: nil)
        try? await channel.closeFuture.get()
    }
}
