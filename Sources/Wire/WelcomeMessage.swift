/// The server's acceptance of a client, proving in turn that the server holds the secret.
struct WelcomeMessage: WireMessage, Equatable {
    static let messageType = MessageType.welcome

    var nodeID: String
    var proof: [UInt8]

    func encode(to writer: inout WireWriter) {
        writer.write(nodeID)
        writer.writeBytes(proof)
    }

    init(nodeID: String, proof: [UInt8]) {
        self.nodeID = nodeID
        self.proof = proof
    }

    init(from reader: inout WireReader) throws {
        nodeID = try reader.read()
        proof = try reader.readByteArray()
    }
}
