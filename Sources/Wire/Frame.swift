import NIOCore

/// One unit on the wire: a header (type, request id, flags) and an opaque payload.
///
/// On the wire a frame is `[u32 length][u16 type][u64 request id][u8 flags][payload]`, all
/// big-endian, where `length` counts every byte after the length field itself.
public struct Frame: Sendable, Equatable {
    /// The size of the length field that precedes every frame.
    public static let lengthFieldSize = 4

    /// The size of the header after the length field: type, request id and flags.
    public static let headerSize = 11

    /// What the payload holds.
    public var type: MessageType

    /// The request this frame starts or answers; 0 for frames that belong to the connection.
    public var requestID: UInt64

    /// The header flags.
    public var flags: FrameFlags

    /// The message body, encoded according to ``type``.
    public var payload: ByteBuffer

    /// Creates a frame from its parts.
    public init(type: MessageType, requestID: UInt64 = 0, flags: FrameFlags = [], payload: ByteBuffer = ByteBuffer()) {
        self.type = type
        self.requestID = requestID
        self.flags = flags
        self.payload = payload
    }

    /// Creates a frame holding an encoded message, typed by the message's ``WireMessage/messageType``.
    public init<Message: WireMessage>(_ message: Message, requestID: UInt64 = 0, flags: FrameFlags = []) {
        self.init(type: Message.messageType, requestID: requestID, flags: flags, payload: message.encodedBuffer())
    }

    /// The value of the frame's length field: the header after it plus the payload.
    public var length: Int {
        Self.headerSize + payload.readableBytes
    }

    /// Decodes the payload as `Message`, after checking that the frame has its type.
    ///
    /// An error frame is turned into ``WireError/remote(_:)`` so that the remote side's message
    /// surfaces as the thrown error.
    public func decode<Message: WireMessage>(as messageType: Message.Type = Message.self) throws -> Message {
        if type == .error && Message.messageType != .error {
            throw WireError.remote(try ErrorMessage(decoding: payload))
        }
        guard type == Message.messageType else {
            throw WireError.unexpectedMessage(expected: Message.messageType, received: type)
        }
        return try Message(decoding: payload)
    }
}
