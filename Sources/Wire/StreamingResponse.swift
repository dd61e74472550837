/// The answer to a request whose response carries a chunked stream.
public struct StreamingResponse: Sendable {
    /// The response frame that precedes the stream.
    public let header: Frame

    /// The stream's chunks.
    public let body: ChunkStream
}
