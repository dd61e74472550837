/// The application message types a connection accepts as requests, each with the roles that may send it.
///
/// A connection configured with a catalogue answers a request of an unregistered type with an
/// ``WireErrorCode/unknownMessageType`` error frame, and a request from a peer whose
/// authenticated role may not send that type with a ``WireErrorCode/roleNotAllowed`` error
/// frame; neither reaches the handler. Every registration names its roles, so adding a message
/// type means deciding who may send it. Registering a reserved type, the same type twice or a
/// type with no role is a programming error and traps.
///
/// ```swift
/// extension MessageType {
///     static let submitJob = MessageType(0x0100)
/// }
/// var catalog = MessageCatalog()
/// catalog.register([SubmitJob.self, KillJob.self], from: [.client])
/// catalog.register(Heartbeat.self, from: [.tracker])
/// ```
public struct MessageCatalog: Sendable {
    private struct Entry: Sendable {
        var name: String
        var senders: Set<WireRole>
    }

    private var entries: [MessageType: Entry] = [:]

    /// Creates an empty catalogue, which rejects every request.
    public init() {}

    /// Adds a message type that peers of the given roles may send, named after the Swift type.
    public mutating func register<Message: WireMessage>(_ message: Message.Type, from senders: Set<WireRole>) {
        register(Message.messageType, name: String(describing: message), from: senders)
    }

    /// Adds message types that peers of the given roles may send, each named after its Swift type.
    public mutating func register(_ messages: [any WireMessage.Type], from senders: Set<WireRole>) {
        for message in messages {
            register(message.messageType, name: String(describing: message), from: senders)
        }
    }

    /// Adds a message type under the given name, which peers of the given roles may send.
    public mutating func register(_ type: MessageType, name: String, from senders: Set<WireRole>) {
        precondition(!type.isReserved, "message type \(type) (\(name)) is reserved for the wire layer")
        precondition(!senders.isEmpty, "message type \(type) (\(name)) must name the roles that may send it")
        if let existing = entries[type] {
            preconditionFailure("message type \(type) is registered twice: \(existing.name) and \(name)")
        }
        entries[type] = Entry(name: name, senders: senders)
    }

    /// Whether the type is registered.
    public func contains(_ type: MessageType) -> Bool {
        entries[type] != nil
    }

    /// The name the type was registered under, if any.
    public func name(of type: MessageType) -> String? {
        entries[type]?.name
    }

    /// The roles that may send the type; empty for an unregistered type.
    public func senders(of type: MessageType) -> Set<WireRole> {
        entries[type]?.senders ?? []
    }

    /// Whether a peer of `role` may send a request of `type`.
    public func allows(_ type: MessageType, from role: WireRole) -> Bool {
        senders(of: type).contains(role)
    }

    /// The registered types, in ascending order.
    public var types: [MessageType] {
        entries.keys.sorted { $0.rawValue < $1.rawValue }
    }
}
