/// The client's answer to the greeting: its identity, its own nonce and its proof of the secret.
///
/// The magic number and version come first so that a server can reject a foreign or newer client
/// before reading fields whose layout may differ in other versions.
struct AuthenticateMessage: WireMessage, Equatable {
    static let messageType = MessageType.authenticate

    var magic: UInt32
    var version: UInt16
    var role: WireRole
    var nodeID: String
    var clientNonce: [UInt8]
    var proof: [UInt8]

    init(
        magic: UInt32 = WireProtocol.magic,
        version: UInt16,
        role: WireRole,
        nodeID: String,
        clientNonce: [UInt8],
        proof: [UInt8]
    ) {
        self.magic = magic
        self.version = version
        self.role = role
        self.nodeID = nodeID
        self.clientNonce = clientNonce
        self.proof = proof
    }

    func encode(to writer: inout WireWriter) {
        writer.write(magic)
        writer.write(version)
        writer.write(role.rawValue)
        writer.write(nodeID)
        writer.writeBytes(clientNonce)
        writer.writeBytes(proof)
    }

    init(from reader: inout WireReader) throws {
        magic = try reader.read()
        version = try reader.read()
        role = WireRole(rawValue: try reader.read())
        nodeID = try reader.read()
        clientNonce = try reader.readByteArray()
        proof = try reader.readByteArray()
    }
}
