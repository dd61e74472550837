import NIOCore

/// A request the remote side sent on a connection, with the chunked body that follows it, if any.
public struct IncomingRequest: Sendable {
    /// The frame that opened the request.
    public let frame: Frame

    /// The bulk data the sender streams after the frame, present when the frame has the
    /// ``FrameFlags/streamFollows`` flag.
    public let body: ChunkStream?

    /// The request's message type.
    public var type: MessageType {
        frame.type
    }

    /// The id to answer the request with.
    public var requestID: UInt64 {
        frame.requestID
    }

    /// The request's payload.
    public var payload: ByteBuffer {
        frame.payload
    }

    /// Decodes the payload as `Message`, checking the message type first.
    public func decode<Message: WireMessage>(as messageType: Message.Type = Message.self) throws -> Message {
        try frame.decode(as: messageType)
    }
}
