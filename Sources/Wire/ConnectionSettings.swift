/// The limits and policies a ``WireConnection`` runs with, taken from the server or client configuration.
struct ConnectionSettings: Sendable {
    var maximumFrameLength: Int
    var chunkSize: Int
    var requestTimeout: Duration
    var acceptedMessages: MessageCatalog?
    var streamBufferChunks = 4
    var requestBufferSize = 16

    /// Checks that the values are consistent, so failures surface at startup and not mid-transfer.
    func validate() throws {
        guard maximumFrameLength >= 1024, maximumFrameLength <= Int(UInt32.max) else {
            throw WireError.invalidConfiguration("the maximum frame length must be between 1 KiB and 4 GiB")
        }
        guard chunkSize > 0, chunkSize + Frame.headerSize <= maximumFrameLength else {
            throw WireError.invalidConfiguration("the chunk size must be positive and fit in a frame")
        }
        guard requestTimeout > .zero else {
            throw WireError.invalidConfiguration("the request timeout must be positive")
        }
    }
}
