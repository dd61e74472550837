/// Constants shared by both ends of the wire protocol.
public enum WireProtocol {
    /// The magic number opening every handshake message: the ASCII bytes `MRWP`.
    public static let magic: UInt32 = 0x4D52_5750

    /// The protocol version this build speaks.
    public static let version: UInt16 = 7

    /// The size in bytes of the random nonces exchanged in the handshake.
    public static let nonceSize = 32

    /// The upper bound on a frame's length field before the session begins: enough for any
    /// handshake frame, so an unauthenticated peer can make the receiver buffer little.
    public static let handshakeFrameLength = 1024

    /// The default upper bound on a frame's length field: 16 MiB.
    public static let defaultMaximumFrameLength = 16 * 1024 * 1024

    /// The default size of the chunks that bulk data streams are cut into: 256 KiB.
    public static let defaultChunkSize = 256 * 1024

    /// The largest accepted node id, in UTF-8 bytes.
    public static let maximumNodeIDLength = 255
}
