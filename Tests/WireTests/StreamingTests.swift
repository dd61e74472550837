import Crypto
import NIOConcurrencyHelpers
import NIOCore
import Testing

@testable import Wire

@Suite(.timeLimit(.minutes(1))) struct StreamingTests {
    static let uploadType = MessageType(0x0200)

    /// Tracks how far the sender runs ahead of a deliberately slow receiver.
    final class Progress: Sendable {
        private let counters = NIOLockedValueBox((sent: 0, consumed: 0, maximumLag: 0))

        func sent(_ bytes: Int) {
            counters.withLockedValue { $0.sent += bytes }
        }

        func consumed(_ bytes: Int) {
            counters.withLockedValue { counters in
                counters.consumed += bytes
                counters.maximumLag = max(counters.maximumLag, counters.sent - counters.consumed)
            }
        }

        var maximumLag: Int {
            counters.withLockedValue { $0.maximumLag }
        }
    }

    /// The most a sender can legitimately run ahead of a stalled receiver: the kernel's largest
    /// autotuned receive and send buffers (`tcp_rmem` and `tcp_wmem`, which differ between
    /// machines) plus what NIO and the stream buffer hold.
    static func legitimateLag() throws -> Int {
        func largest(_ file: String) throws -> Int {
            let text = try String(contentsOfFile: "/proc/sys/net/ipv4/" + file, encoding: .utf8)
            return try #require(text.split(whereSeparator: \.isWhitespace).last.flatMap { Int($0) })
        }
        return try largest("tcp_rmem") + largest("tcp_wmem") + 8 * 1024 * 1024
    }

    @Test func aLargeUploadArrivesIntactUnderBackpressure() async throws {
        let chunkSize = WireProtocol.defaultChunkSize
        let allowedLag = try Self.legitimateLag()
        let chunkCount = (3 * allowedLag) / chunkSize
        let progress = Progress()
        let slowChunks = allowedLag / 2 / chunkSize

        let handler: @Sendable (WireConnection) async throws -> Void = { connection in
            for try await request in connection.requests {
                let body = try #require(request.body)
                var hash = SHA256()
                var received = 0
                var chunks = 0
                for try await chunk in body {
                    if chunks < slowChunks {
                        try await Task.sleep(for: .milliseconds(10))
                    }
                    chunk.withUnsafeReadableBytes { hash.update(bufferPointer: $0) }
                    received += chunk.readableBytes
                    chunks += 1
                    progress.consumed(chunk.readableBytes)
                }
                var reply = WireWriter()
                reply.write(received)
                reply.writeRawBytes(Array(hash.finalize()))
                try await connection.respond(to: request, type: Self.uploadType, payload: reply.buffer)
            }
        }
        let configure: (inout WireServer.Configuration) -> Void = {
            $0.acceptedMessages = MessageCatalog()
            $0.acceptedMessages?.register(Self.uploadType, name: "upload", from: [.tracker])
        }
        try await TestSupport.withServer(configure: configure, handler: handler) { server in
            try await WireClient(TestSupport.clientConfiguration(port: server.port), logger: TestSupport.logger)
                .withConnection { connection in
                    var expected = SHA256()
                    var template = TestSupport.patternBytes(count: chunkSize)
                    let response = try await connection.upload(
                        Self.uploadType,
                        payload: ByteBuffer(string: "split-0001")
                    ) { writer in
                        for index in 0..<chunkCount {
                            template.setInteger(UInt64(index), at: template.readerIndex)
                            template.withUnsafeReadableBytes { expected.update(bufferPointer: $0) }
                            try await writer.write(template)
                            progress.sent(chunkSize)
                        }
                    }
                    var reader = WireReader(response.payload)
                    #expect(try reader.read(Int.self) == chunkSize * chunkCount)
                    #expect(try reader.readRawBytes(count: 32) == Array(expected.finalize()))
                }
        }
        // While the receiver stalls, an unbounded sender would run ahead by most of the payload.
        #expect(
            progress.maximumLag < allowedLag,
            "sender ran \(progress.maximumLag) bytes ahead, more than \(allowedLag)"
        )
    }

    @Test func downloadsStreamInChunks() async throws {
        try await TestSupport.withServer { server in
            try await WireClient(TestSupport.clientConfiguration(port: server.port), logger: TestSupport.logger)
                .withConnection { connection in
                    let size = 3 * 1024 * 1024 + 17
                    let response = try await connection.download(.download, payload: size.encodedBuffer())
                    #expect(response.header.type == .download)
                    var received = ByteBuffer()
                    var chunks = 0
                    for try await chunk in response.body {
                        #expect(chunk.readableBytes <= connection.chunkSize)
                        received.writeImmutableBuffer(chunk)
                        chunks += 1
                    }
                    #expect(chunks == 13)
                    #expect(received == TestSupport.patternBytes(count: size))
                    let reply = try await connection.call(.echo)
                    #expect(reply.type == .echo)
                }
        }
    }

    @Test func uploadsThroughTheDefaultHandlerAndCollectWork() async throws {
        try await TestSupport.withServer { server in
            try await WireClient(TestSupport.clientConfiguration(port: server.port), logger: TestSupport.logger)
                .withConnection { connection in
                    let data = TestSupport.patternBytes(count: 600_000, seed: 9)
                    let response = try await connection.upload(.upload) { writer in
                        try await writer.write(data)
                    }
                    #expect(
                        Array(response.payload.readableBytesView)
                            == Array(SHA256.hash(data: Array(data.readableBytesView)))
                    )
                    let download = try await connection.download(.download, payload: 1000.encodedBuffer())
                    #expect(try await download.body.collect(upTo: 1000) == TestSupport.patternBytes(count: 1000))
                }
        }
    }

    @Test func aSenderAbortReachesTheReceiverAsAnError() async throws {
        struct DiskFull: Error, CustomStringConvertible {
            var description: String { "disk full" }
        }
        let seen = NIOLockedValueBox<String?>(nil)
        let handler: @Sendable (WireConnection) async throws -> Void = { connection in
            for try await request in connection.requests {
                guard let body = request.body else {
                    try await connection.respond(to: request, type: request.type)
                    continue
                }
                do {
                    for try await _ in body {}
                } catch {
                    seen.withLockedValue { $0 = "\(error)" }
                    try await connection.respond(to: request, error: "upload failed: \(error)", code: .streamAborted)
                }
            }
        }
        try await TestSupport.withServer(handler: handler) { server in
            try await WireClient(TestSupport.clientConfiguration(port: server.port), logger: TestSupport.logger)
                .withConnection { connection in
                    await #expect(throws: DiskFull.self) {
                        _ = try await connection.upload(.upload) { writer in
                            try await writer.write(ByteBuffer(repeating: 1, count: 1000))
                            throw DiskFull()
                        }
                    }
                    // The handler serves requests in order, so once this echo is answered it has seen the abort.
                    let reply = try await connection.call(.echo)
                    #expect(reply.type == .echo)
                    #expect(seen.withLockedValue { $0 } == "stream aborted by the sender: disk full")
                }
        }
    }

    @Test func droppingAStreamDiscardsItsRemainingChunks() async throws {
        try await TestSupport.withServer { server in
            try await WireClient(TestSupport.clientConfiguration(port: server.port), logger: TestSupport.logger)
                .withConnection { connection in
                    do {
                        let response = try await connection.download(
                            .download,
                            payload: (4 * 1024 * 1024).encodedBuffer()
                        )
                        var iterator = response.body.makeAsyncIterator()
                        _ = try await iterator.next()
                    }
                    let echo = try await connection.call(.echo, payload: ByteBuffer(string: "after"))
                    #expect(echo.payload == ByteBuffer(string: "after"))
                }
        }
    }

    @Test func closingReleasesAStalledStreamAndTheServerShutsDown() async throws {
        let stalled = NIOLockedValueBox<[ChunkStream]>([])
        let handler: @Sendable (WireConnection) async throws -> Void = { connection in
            for try await request in connection.requests {
                if let body = request.body {
                    stalled.withLockedValue { $0.append(body) }
                }
            }
        }
        try await TestSupport.withServer(handler: handler) { server in
            let connection = try await WireClient(
                TestSupport.clientConfiguration(port: server.port),
                logger: TestSupport.logger
            ).connect()
            let upload = Task {
                try await connection.upload(.upload) { writer in
                    for _ in 0..<64 {
                        try await writer.write(ByteBuffer(repeating: 7, count: 256 * 1024))
                    }
                }
            }
            try await Task.sleep(for: .milliseconds(200))
            await server.close()
            await #expect(throws: WireError.self) { _ = try await upload.value }
            await connection.close()
        }
        for stream in stalled.withLockedValue({ $0 }) {
            await #expect(throws: WireError.connectionClosed) {
                for try await _ in stream {}
            }
        }
    }
}
