import Logging
import NIOCore

extension WireConnection {
    typealias Key = ConnectionState.StreamKey

    /// Reads frames until the connection ends, routing each to a caller, a stream or ``requests``.
    ///
    /// On return the channel is closed and every caller, stream and the request sequence has
    /// been told why.
    func run(_ iterator: inout NIOAsyncChannelInboundStream<Frame>.AsyncIterator) async {
        var reason = WireError.connectionClosed
        do {
            while let frame = try await iterator.next() {
                await dispatch(frame)
            }
        } catch let error as WireError {
            reason = error
            logger.warning("closing connection after a bad frame", metadata: ["peer": "\(peer)", "error": "\(error)"])
            WireConnection.reportFatal(error, on: channel)
        } catch {
            logger.debug("connection ended", metadata: ["peer": "\(peer)", "error": "\(error)"])
        }
        shutDown(reason: reason)
    }

    /// Fails everything outstanding and closes the channel.
    ///
    /// Runs when the dispatch loop ends and again when the channel closes, whichever is first:
    /// the second run finds nothing left. Running on close matters when the loop is parked in a
    /// full stream whose consumer stopped reading: finishing the stream releases it.
    func shutDown(reason: WireError) {
        let (calls, streams) = state.withLockedValue { $0.close(reason: reason) }
        for (continuation, result) in calls {
            continuation.resume(with: result)
        }
        for stream in streams {
            stream.finish(throwing: reason)
        }
        incoming.finish()
        channel.close(promise: nil)
    }

    private func dispatch(_ frame: Frame) async {
        let key = Key(requestID: frame.requestID, isResponse: frame.flags.contains(.response))
        switch frame.type {
        case .streamChunk:
            if let stream = state.withLockedValue({ $0.streams[key] }) {
                await stream.send(frame.payload)
            }
        case .streamEnd:
            state.withLockedValue { $0.removeStream(key) }?.finish()
        case .error:
            receiveError(frame, key: key)
        default:
            if key.isResponse {
                receiveResponse(frame, key: key)
            } else {
                await receiveRequest(frame, key: key)
            }
        }
    }

    private func receiveError(_ frame: Frame, key: Key) {
        let error = WireError.remote(
            (try? ErrorMessage(decoding: frame.payload))
                ?? ErrorMessage(code: .malformed, message: "the remote side sent an undecodable error")
        )
        if let stream = state.withLockedValue({ $0.removeStream(key) }) {
            stream.finish(throwing: error)
        } else if key.isResponse {
            complete(frame.requestID, with: .failure(error))
        } else {
            logger.warning("remote side reported an error", metadata: ["peer": "\(peer)", "error": "\(error)"])
            state.withLockedValue { $0.recordRemoteError(error) }
        }
    }

    private func receiveResponse(_ frame: Frame, key: Key) {
        var body: ChunkStream?
        if frame.flags.contains(.streamFollows) {
            body = state.withLockedValue { $0.openStream(key, capacity: settings.streamBufferChunks) }
        }
        if !complete(frame.requestID, with: .success(.init(frame: frame, body: body))) {
            logger.debug("dropping a late response", metadata: ["peer": "\(peer)", "request": "\(frame.requestID)"])
        }
    }

    private func receiveRequest(_ frame: Frame, key: Key) async {
        if let rejection = rejection(of: frame.type) {
            let level: Logger.Level = rejection.code == .roleNotAllowed ? .warning : .debug
            logger.log(
                level: level,
                "rejecting a request",
                metadata: ["peer": "\(peer)", "reason": "\(rejection.message)"]
            )
            channel.writeAndFlush(Frame(rejection, requestID: frame.requestID, flags: .response), promise: nil)
            return
        }
        var body: ChunkStream?
        if frame.flags.contains(.streamFollows) {
            body = state.withLockedValue { $0.openStream(key, capacity: settings.streamBufferChunks) }
        }
        await incoming.send(IncomingRequest(frame: frame, body: body))
    }

    private func rejection(of type: MessageType) -> ErrorMessage? {
        if type.isReserved {
            return ErrorMessage(
                code: .handshakeRequired,
                message: "message type \(type) is not allowed after the handshake"
            )
        }
        guard let catalog = settings.acceptedMessages else {
            return nil
        }
        guard let name = catalog.name(of: type) else {
            return ErrorMessage(code: .unknownMessageType, message: "unknown message type \(type)")
        }
        guard catalog.allows(type, from: peer.role) else {
            return ErrorMessage(
                code: .roleNotAllowed,
                message: "message type \(type) (\(name)) may not be sent by a \(peer.role) peer"
            )
        }
        return nil
    }

    /// Sends a connection-level error frame for a fatal protocol error, then closes the channel.
    static func reportFatal(_ error: WireError, on channel: any Channel) {
        let code: WireErrorCode
        switch error {
        case .frameTooLarge: code = .frameTooLarge
        case .timedOut: code = .timedOut
        default: code = .malformed
        }
        let frame = Frame(ErrorMessage(code: code, message: error.description))
        channel.writeAndFlush(frame).whenComplete { _ in
            channel.close(promise: nil)
        }
    }
}
