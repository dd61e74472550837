/// The 16-bit message type in a frame header, telling the receiver how to read the payload.
///
/// Types below ``firstApplicationType`` are reserved for the wire layer itself (handshake, errors
/// and chunked streams). Daemons declare their own types from `0x0100` upwards, usually as static
/// constants in an extension, and list them in a ``MessageCatalog``.
public struct MessageType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The type code as sent on the wire.
    public let rawValue: UInt16

    /// Creates a message type from its wire code.
    public init(rawValue: UInt16) {
        self.rawValue = rawValue
    }

    /// Creates a message type from its wire code.
    public init(_ rawValue: UInt16) {
        self.rawValue = rawValue
    }

    /// The lowest code available to application messages; lower codes are reserved.
    public static let firstApplicationType: UInt16 = 0x0100

    /// The server's greeting, the first frame on every connection.
    public static let hello = MessageType(0x0001)
    /// The client's answer to the greeting, carrying its identity and proof of the cluster secret.
    public static let authenticate = MessageType(0x0002)
    /// The server's acceptance of the client, carrying its own proof of the cluster secret.
    public static let welcome = MessageType(0x0003)
    /// An error report carrying an ``ErrorMessage``.
    public static let error = MessageType(0x0004)
    /// A frame protected with the session keys: every frame after the handshake has this type.
    public static let sealed = MessageType(0x0005)
    /// One chunk of a bulk data stream.
    public static let streamChunk = MessageType(0x0010)
    /// The successful end of a bulk data stream.
    public static let streamEnd = MessageType(0x0011)

    /// Whether the type is reserved for the wire layer.
    public var isReserved: Bool {
        rawValue < Self.firstApplicationType
    }

    /// The code in hexadecimal, such as `0x0101`.
    public var description: String {
        let hex = String(rawValue, radix: 16)
        return "0x" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
