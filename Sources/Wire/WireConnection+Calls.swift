import NIOCore

extension WireConnection {
    /// Registers a call, lets `sendRequest` send it under the new request id, then waits for the response.
    func perform(
        _ type: MessageType,
        timeout: Duration?,
        sendRequest: (UInt64) async throws -> Void
    ) async throws -> ConnectionState.Response {
        let id = try state.withLockedValue { try $0.register() }
        do {
            try await sendRequest(id)
        } catch {
            state.withLockedValue { $0.unregister(id) }
            throw error
        }
        let deadline = timeout ?? settings.requestTimeout
        let peer = self.peer
        let timer = channel.eventLoop.scheduleTask(in: TimeAmount(deadline)) { [self] in
            let message = "request \(type) to \(peer) timed out after \(deadline)"
            complete(id, with: .failure(WireError.timedOut(message)))
        }
        defer { timer.cancel() }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                if let (continuation, result) = state.withLockedValue({ $0.await(id, continuation: continuation) }) {
                    continuation.resume(with: result)
                }
            }
        } onCancel: {
            complete(id, with: .failure(CancellationError()))
        }
    }

    /// Resolves an outstanding call; returns `false` if it was no longer outstanding.
    @discardableResult
    func complete(_ id: UInt64, with result: Result<ConnectionState.Response, any Error>) -> Bool {
        let (resumption, found) = state.withLockedValue { $0.complete(id, with: result) }
        if let (continuation, result) = resumption {
            continuation.resume(with: result)
        }
        return found
    }

    /// Runs `body` with a writer for the stream of `requestID`, then ends or aborts the stream.
    func writeStream(requestID: UInt64, flags: FrameFlags, body: (ChunkStreamWriter) async throws -> Void) async throws
    {
        let writer = ChunkStreamWriter(connection: self, requestID: requestID, flags: flags)
        do {
            try await body(writer)
        } catch {
            let abort = ErrorMessage(code: .streamAborted, message: "stream aborted by the sender: \(error)")
            try? await send(Frame(abort, requestID: requestID, flags: flags))
            throw error
        }
        try await send(Frame(type: .streamEnd, requestID: requestID, flags: flags))
    }

    /// The error that answered an upload's call early, which stops the upload.
    func uploadAbortError(requestID: UInt64, flags: FrameFlags) -> (any Error)? {
        guard !flags.contains(.response) else {
            return nil
        }
        return state.withLockedValue { $0.earlyFailure(of: requestID) }
    }
}
