import NIOCore

/// A value that can be written to and read back from the wire's compact binary encoding.
///
/// Conforming types write their fields in a fixed order with ``WireWriter`` and read them back in
/// the same order with ``WireReader``. Decoders should tolerate trailing bytes so that later
/// protocol revisions can append optional fields without breaking older readers.
///
/// ```swift
/// struct Heartbeat: WireMessage {
///     static let messageType = MessageType(0x0101)
///     var trackerID: String
///     var freeSlots: Int
///
///     func encode(to writer: inout WireWriter) {
///         writer.write(trackerID)
///         writer.write(freeSlots)
///     }
///
///     init(from reader: inout WireReader) throws {
///         trackerID = try reader.read()
///         freeSlots = try reader.read()
///     }
/// }
/// ```
public protocol WireCodable: Sendable {
    /// Appends the encoded form of this value to `writer`.
    func encode(to writer: inout WireWriter)

    /// Reads a value previously written by ``encode(to:)``, throwing ``WireError`` on bad input.
    init(from reader: inout WireReader) throws
}

/// A top-level message that travels as the payload of a ``Frame`` of a fixed ``MessageType``.
public protocol WireMessage: WireCodable {
    /// The message type carried in the frame header of every frame holding this message.
    static var messageType: MessageType { get }
}

extension WireCodable {
    /// Encodes this value into a fresh buffer.
    public func encodedBuffer() -> ByteBuffer {
        var writer = WireWriter()
        writer.write(self)
        return writer.buffer
    }

    /// Decodes a value of this type from the readable bytes of `buffer`.
    ///
    /// Trailing bytes after the value are ignored.
    public init(decoding buffer: ByteBuffer) throws {
        var reader = WireReader(buffer)
        self = try Self(from: &reader)
    }
}
