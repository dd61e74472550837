/// The flag bits in a frame header.
///
/// Bits without a defined meaning are reserved: senders set them to zero and receivers ignore them.
public struct FrameFlags: OptionSet, Hashable, Sendable {
    /// The flag byte as sent on the wire.
    public let rawValue: UInt8

    /// Creates a flag set from its wire byte.
    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    /// The frame answers the request with the same request id that the receiver sent earlier.
    public static let response = FrameFlags(rawValue: 0x01)

    /// A chunked stream with the same request id and response bit follows this frame.
    public static let streamFollows = FrameFlags(rawValue: 0x02)
}
