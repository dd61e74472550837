/// The largest frame a connection's decoder accepts right now: a handshake's worth until the
/// session begins, the configured maximum after.
///
/// Shared by the connection's ``FrameDecoder`` and ``SessionHandler`` and used on the channel's
/// event loop only. The session handler lifts the limit at the exact frame boundary where the
/// session begins, so no frame is judged by the wrong limit.
final class InboundFrameLimit {
    /// The limit in force.
    private(set) var current: Int

    /// The limit once the session has begun.
    let session: Int

    /// Creates a limit of `handshake` bytes that ``lift()`` raises to `session` bytes.
    init(handshake: Int, session: Int) {
        current = min(handshake, session)
        self.session = session
    }

    /// Raises the limit to the session's.
    func lift() {
        current = session
    }
}
