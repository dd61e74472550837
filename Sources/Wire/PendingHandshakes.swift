import NIOCore

/// The connections of a ``WireServer`` that have not completed the handshake, oldest first.
///
/// The server admits every new connection; past ``WireServer/Configuration/maximumUnauthenticatedConnections``
/// it closes the oldest unauthenticated one to make room. Closing the oldest rather than refusing
/// the newest keeps the server reachable during a flood: a legitimate peer completes its
/// handshake in a round trip or two, long before the flood's newer connections push it out,
/// whereas a refusal policy would lock it out for as long as the flood lasts.
struct PendingHandshakes {
    private var connections: [ObjectIdentifier: (serial: UInt64, channel: any Channel)] = [:]
    private var nextSerial: UInt64 = 0

    /// The number of connections still in their handshake.
    var count: Int {
        connections.count
    }

    /// Records a new connection and returns the connection to close when there are more than `limit`.
    mutating func admit(_ channel: any Channel, limit: Int) -> (any Channel)? {
        connections[ObjectIdentifier(channel)] = (nextSerial, channel)
        nextSerial += 1
        guard connections.count > limit, let oldest = connections.min(by: { $0.value.serial < $1.value.serial }) else {
            return nil
        }
        connections[oldest.key] = nil
        return oldest.value.channel
    }

    /// Forgets a connection whose handshake ended, whichever way.
    mutating func remove(_ channel: any Channel) {
        connections[ObjectIdentifier(channel)] = nil
    }
}
