import NIOCore

/// Serialises ``Frame`` values as they go on the wire, refusing any frame longer than the
/// configured maximum. ``SessionHandler`` uses it for the frames of the handshake, which are
/// not sealed.
public struct FrameEncoder: Sendable {
    /// The largest length field this encoder will produce.
    public let maximumFrameLength: Int

    /// Creates an encoder producing frames whose length field is at most `maximumFrameLength`.
    public init(maximumFrameLength: Int = WireProtocol.defaultMaximumFrameLength) {
        self.maximumFrameLength = maximumFrameLength
    }

    /// Writes the length field, header and payload of `frame` into `out`.
    public func encode(data frame: Frame, out: inout ByteBuffer) throws {
        let length = frame.length
        guard length <= maximumFrameLength, let lengthField = UInt32(exactly: length) else {
            throw WireError.frameTooLarge(length: length, maximum: maximumFrameLength)
        }
        out.reserveCapacity(minimumWritableBytes: Frame.lengthFieldSize + length)
        out.writeInteger(lengthField, endianness: .big)
        out.writeInteger(frame.type.rawValue, endianness: .big)
        out.writeInteger(frame.requestID, endianness: .big)
        out.writeInteger(frame.flags.rawValue)
        out.writeImmutableBuffer(frame.payload)
    }
}
