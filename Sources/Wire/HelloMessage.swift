/// The server's greeting: protocol identification and a fresh nonce for the client to sign.
struct HelloMessage: WireMessage, Equatable {
    static let messageType = MessageType.hello

    var magic: UInt32
    var version: UInt16
    var serverNonce: [UInt8]
    var serverName: String

    init(magic: UInt32 = WireProtocol.magic, version: UInt16, serverNonce: [UInt8], serverName: String) {
        self.magic = magic
        self.version = version
        self.serverNonce = serverNonce
        self.serverName = serverName
    }

    func encode(to writer: inout WireWriter) {
        writer.write(magic)
        writer.write(version)
        writer.writeBytes(serverNonce)
        writer.write(serverName)
    }

    init(from reader: inout WireReader) throws {
        magic = try reader.read()
        version = try reader.read()
        serverNonce = try reader.readByteArray()
        serverName = try reader.read()
    }
}
