/// An error raised by the wire layer, with a one-line description suitable for showing to a user.
///
/// Errors that the remote side reported in an error frame arrive as ``remote(_:)`` and describe
/// themselves with the remote side's own message, so that it reaches the user unchanged.
public enum WireError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A message ended before a field could be read completely.
    case truncated(needed: Int, remaining: Int)
    /// A message or frame violated the encoding rules.
    case malformed(String)
    /// A frame's length field exceeded the configured maximum.
    case frameTooLarge(length: Int, maximum: Int)
    /// A frame of a different message type arrived than the one expected.
    case unexpectedMessage(expected: MessageType, received: MessageType)
    /// The remote side sent an error frame.
    case remote(ErrorMessage)
    /// The handshake failed on this side, before or without an error frame from the remote side.
    case handshakeFailed(String)
    /// An operation did not complete within its deadline.
    case timedOut(String)
    /// The connection closed before the operation could complete.
    case connectionClosed
    /// A cluster secret could not be loaded or was unusable.
    case invalidSecret(String)
    /// A configuration value was out of range.
    case invalidConfiguration(String)

    /// A one-line, human-readable description of the error.
    public var description: String {
        switch self {
        case .truncated(let needed, let remaining):
            return "truncated message: needed \(needed) bytes but only \(remaining) remain"
        case .malformed(let detail):
            return "malformed message: \(detail)"
        case .frameTooLarge(let length, let maximum):
            return "frame of \(length) bytes exceeds the maximum of \(maximum) bytes"
        case .unexpectedMessage(let expected, let received):
            return "expected message type \(expected) but received \(received)"
        case .remote(let message):
            return message.message
        case .handshakeFailed(let detail):
            return detail
        case .timedOut(let detail):
            return detail
        case .connectionClosed:
            return "connection closed by the remote side"
        case .invalidSecret(let detail):
            return "invalid cluster secret: \(detail)"
        case .invalidConfiguration(let detail):
            return "invalid wire configuration: \(detail)"
        }
    }
}
