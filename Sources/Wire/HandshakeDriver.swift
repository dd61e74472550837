import Logging
import NIOConcurrencyHelpers
import NIOCore

/// Runs the handshake state machines against a live channel: the thin I/O shell around them.
enum HandshakeDriver {
    typealias Iterator = NIOAsyncChannelInboundStream<Frame>.AsyncIterator

    /// Runs the server side; returns the peer, or `nil` after rejecting it or losing the connection.
    ///
    /// A client that does not finish within `timeout` receives an error frame and is disconnected.
    static func runServer(
        _ machine: inout ServerHandshake,
        timeout: Duration,
        channel: any Channel,
        iterator: inout Iterator,
        outbound: NIOAsyncChannelOutboundWriter<Frame>,
        logger: Logger
    ) async throws -> WirePeer? {
        let timer = channel.eventLoop.scheduleTask(in: TimeAmount(timeout)) {
            let error = WireError.timedOut("handshake not completed within \(timeout)")
            WireConnection.reportFatal(error, on: channel)
        }
        defer { timer.cancel() }
        guard case .send(let hello) = machine.start() else {
            return nil
        }
        try await outbound.write(hello)
        do {
            while let frame = try await iterator.next() {
                switch machine.receive(frame) {
                case .send(let reply):
                    try await outbound.write(reply)
                case .accept(let welcome, let peer, let keys):
                    try await SessionHandler.begin(on: channel, keys: keys, after: welcome)
                    return peer
                case .reject(let reply, let reason):
                    logger.notice(
                        "rejected a connection",
                        metadata: ["reason": "\(reason)", "remote": "\(channel.remoteAddress.map { "\($0)" } ?? "?")"]
                    )
                    try await outbound.write(reply)
                    return nil
                }
            }
        } catch let error as WireError {
            logger.notice("bad frame during the handshake", metadata: ["error": "\(error)"])
            WireConnection.reportFatal(error, on: channel)
        }
        return nil
    }

    /// Runs the client side; returns the authenticated server or throws why the handshake failed.
    static func runClient(
        _ machine: inout ClientHandshake,
        timeout: Duration,
        channel: any Channel,
        iterator: inout Iterator
    ) async throws -> WirePeer {
        let timedOut = NIOLockedValueBox(false)
        let timer = channel.eventLoop.scheduleTask(in: TimeAmount(timeout)) {
            timedOut.withLockedValue { $0 = true }
            channel.close(promise: nil)
        }
        defer { timer.cancel() }
        do {
            while let frame = try await iterator.next() {
                switch machine.receive(frame) {
                case .authenticate(let reply, let keys):
                    try await SessionHandler.begin(on: channel, keys: keys, after: reply)
                case .complete(let peer):
                    return peer
                case .fail(let error):
                    throw error
                }
            }
        } catch let error as WireError {
            throw error
        } catch {
            if !timedOut.withLockedValue({ $0 }) {
                throw WireError.handshakeFailed("handshake failed: \(error)")
            }
        }
        if timedOut.withLockedValue({ $0 }) {
            throw WireError.timedOut("the server did not complete the handshake within \(timeout)")
        }
        throw WireError.handshakeFailed("the server closed the connection during the handshake")
    }
}
