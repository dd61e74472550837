import NIOCore

/// Splits inbound bytes into ``Frame`` values, rejecting oversized frames before buffering them.
///
/// The length field is read and checked against ``maximumFrameLength`` as soon as its four bytes
/// arrive, so a hostile length such as `0xFFFFFFF0` fails at once and no buffer of that size is
/// ever allocated. Combine it with `ByteToMessageHandler(_:maximumBufferSize:)` for a second,
/// independent bound on buffered bytes. On a connection, the maximum is a handshake's worth
/// (``WireProtocol/handshakeFrameLength``) until the session begins.
public struct FrameDecoder: NIOSingleStepByteToMessageDecoder {
    /// The decoded frame type.
    public typealias InboundOut = Frame

    private let limit: InboundFrameLimit

    /// The largest accepted value of the length field, now.
    public var maximumFrameLength: Int {
        limit.current
    }

    /// Creates a decoder accepting frames whose length field is at most `maximumFrameLength`.
    public init(maximumFrameLength: Int = WireProtocol.defaultMaximumFrameLength) {
        limit = InboundFrameLimit(handshake: maximumFrameLength, session: maximumFrameLength)
    }

    /// Creates a decoder whose maximum follows `limit`.
    init(limit: InboundFrameLimit) {
        self.limit = limit
    }

    /// Decodes one frame if enough bytes are buffered.
    public mutating func decode(buffer: inout ByteBuffer) throws -> Frame? {
        guard let rawLength = buffer.getInteger(at: buffer.readerIndex, endianness: .big, as: UInt32.self) else {
            return nil
        }
        let length = Int(rawLength)
        guard length <= maximumFrameLength else {
            throw WireError.frameTooLarge(length: length, maximum: maximumFrameLength)
        }
        guard length >= Frame.headerSize else {
            throw WireError.malformed("frame length \(length) is shorter than the \(Frame.headerSize)-byte header")
        }
        guard buffer.readableBytes >= Frame.lengthFieldSize + length else {
            return nil
        }
        buffer.moveReaderIndex(forwardBy: Frame.lengthFieldSize)
        guard
            let type = buffer.readInteger(endianness: .big, as: UInt16.self),
            let requestID = buffer.readInteger(endianness: .big, as: UInt64.self),
            let flags = buffer.readInteger(as: UInt8.self),
            let payload = buffer.readSlice(length: length - Frame.headerSize)
        else {
            throw WireError.malformed("frame header could not be read")
        }
        return Frame(
            type: MessageType(type),
            requestID: requestID,
            flags: FrameFlags(rawValue: flags),
            payload: payload
        )
    }

    /// Decodes what remains when the connection closes, reporting a partial frame as truncated.
    public mutating func decodeLast(buffer: inout ByteBuffer, seenEOF: Bool) throws -> Frame? {
        if let frame = try decode(buffer: &buffer) {
            return frame
        }
        guard buffer.readableBytes == 0 else {
            let remaining = buffer.readableBytes
            buffer.moveReaderIndex(forwardBy: remaining)
            throw WireError.malformed("connection closed in the middle of a frame (\(remaining) bytes buffered)")
        }
        return nil
    }
}
