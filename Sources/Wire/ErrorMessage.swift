/// The payload of an error frame: a code and a one-line message meant for the user.
///
/// Sent with the request id and response flag of the request it answers, with the request id and
/// flags of a chunked stream it aborts, or with request id 0 when it concerns the whole connection,
/// which the sender then closes.
public struct ErrorMessage: WireMessage, Equatable, CustomStringConvertible {
    /// Error frames use the reserved ``MessageType/error`` type.
    public static let messageType = MessageType.error

    /// The machine-readable category of the error.
    public var code: WireErrorCode

    /// The one-line, human-readable explanation.
    public var message: String

    /// Creates an error message.
    public init(code: WireErrorCode = .application, message: String) {
        self.code = code
        self.message = message
    }

    /// The message text.
    public var description: String {
        message
    }

    /// Writes the code followed by the message.
    public func encode(to writer: inout WireWriter) {
        writer.write(code.rawValue)
        writer.write(message)
    }

    /// Reads the code followed by the message.
    public init(from reader: inout WireReader) throws {
        code = WireErrorCode(rawValue: try reader.read())
        message = try reader.read()
    }
}
