/// A machine-readable category for an ``ErrorMessage``, next to its human-readable text.
///
/// Codes below 100 are used by the wire layer; daemons may define their own from 100 upwards.
public struct WireErrorCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The code as sent on the wire.
    public let rawValue: UInt16

    /// Creates a code from its wire value.
    public init(rawValue: UInt16) {
        self.rawValue = rawValue
    }

    /// The peer speaks an unsupported protocol version or sent a bad magic number.
    public static let unsupportedVersion = WireErrorCode(rawValue: 1)
    /// The peer failed to prove knowledge of the cluster secret.
    public static let authenticationFailed = WireErrorCode(rawValue: 2)
    /// The peer sent a message before completing the handshake, or broke the handshake sequence.
    public static let handshakeRequired = WireErrorCode(rawValue: 3)
    /// The peer sent a request of a type the receiver does not handle.
    public static let unknownMessageType = WireErrorCode(rawValue: 4)
    /// The peer sent a frame or message that could not be decoded.
    public static let malformed = WireErrorCode(rawValue: 5)
    /// The peer sent a frame longer than the receiver's maximum.
    public static let frameTooLarge = WireErrorCode(rawValue: 6)
    /// The peer's role is not accepted by this server.
    public static let roleNotAllowed = WireErrorCode(rawValue: 7)
    /// The sender of a chunked stream gave up before its end.
    public static let streamAborted = WireErrorCode(rawValue: 8)
    /// The peer did not finish the handshake in time.
    public static let timedOut = WireErrorCode(rawValue: 9)
    /// A request failed in the application; the message says why.
    public static let application = WireErrorCode(rawValue: 100)

    /// The numeric code.
    public var description: String {
        String(rawValue)
    }
}
