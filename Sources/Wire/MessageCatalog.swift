/// The set of application message types a connection accepts as requests.
///
/// A connection configured with a catalogue answers requests of any other type with an
/// ``WireErrorCode/unknownMessageType`` error frame, without bothering the handler. Registering a
/// reserved type or the same type twice is a programming error and traps.
///
/// ```swift
/// extension MessageType {
///     static let submitJob = MessageType(0x0100)
/// }
/// let catalog = MessageCatalog([SubmitJob.self, Heartbeat.self])
/// ```
public struct MessageCatalog: Sendable {
    private var names: [MessageType: String] = [:]

    /// Creates an empty catalogue, which rejects every request.
    public init() {}

    /// Creates a catalogue holding the given message types.
    public init(_ messages: [any WireMessage.Type]) {
        for message in messages {
            register(message.messageType, name: String(describing: message))
        }
    }

    /// Adds a message type, named after the Swift type for logs and errors.
    public mutating func register<Message: WireMessage>(_ message: Message.Type) {
        register(Message.messageType, name: String(describing: message))
    }

    /// Adds a message type under the given name.
    public mutating func register(_ type: MessageType, name: String) {
        precondition(!type.isReserved, "message type \(type) (\(name)) is reserved for the wire layer")
        if let existing = names[type] {
            preconditionFailure("message type \(type) is registered twice: \(existing) and \(name)")
        }
        names[type] = name
    }

    /// Whether the type is registered.
    public func contains(_ type: MessageType) -> Bool {
        names[type] != nil
    }

    /// The name the type was registered under, if any.
    public func name(of type: MessageType) -> String? {
        names[type]
    }

    /// The registered types, in ascending order.
    public var types: [MessageType] {
        names.keys.sorted { $0.rawValue < $1.rawValue }
    }
}
