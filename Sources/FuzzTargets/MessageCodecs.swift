import Cluster
import MapReduce
import MapReduceEngine
import NIOCore
import Wire

/// Every message codec a peer's bytes can reach, for ``ProtocolFuzzTarget``.
enum MessageCodecs {
    /// Selectors from this one on choose a codec: `(selector - firstSelector) % codecs.count`.
    static let firstSelector = UInt8(ProtocolFuzzTarget.Parser.allCases.count)

    /// Decodes one message type, then checks that its encoding decodes to an equally long encoding.
    typealias Codec = @Sendable (ByteBuffer) -> Void

    static func codec<Message: WireCodable>(_ type: Message.Type) -> Codec {
        { bytes in
            guard let message = try? Message(decoding: bytes) else { return }
            let encoded = message.encodedBuffer()
            guard let again = try? Message(decoding: encoded) else {
                fatalError("\(Message.self) does not decode its own encoding")
            }
            guard again.encodedBuffer().readableBytes == encoded.readableBytes else {
                fatalError("\(Message.self) changes length when encoded again")
            }
        }
    }

    static let codecs: [Codec] = [
        codec(ErrorMessage.self), codec(SubmitJobRequest.self), codec(SubmitJobReply.self),
        codec(JobStatusRequest.self), codec(JobStatusReply.self), codec(ListJobsRequest.self),
        codec(ListJobsReply.self),
        codec(KillJobRequest.self), codec(KillJobReply.self), codec(UploadInputRequest.self),
        codec(UploadInputReply.self), codec(ListOutputRequest.self), codec(ListOutputReply.self),
        codec(DownloadOutputRequest.self), codec(DownloadOutputReply.self), codec(AttemptListRequest.self),
        codec(AttemptListReply.self), codec(AttemptLogRequest.self), codec(AttemptLogReply.self),
        codec(ClusterInfoRequest.self), codec(ClusterInfoReply.self), codec(JobFileStatusRequest.self),
        codec(JobFileStatusReply.self), codec(UploadJobFileRequest.self), codec(UploadJobFileReply.self),
        codec(RegisterTrackerRequest.self), codec(RegisterTrackerReply.self), codec(HeartbeatRequest.self),
        codec(HeartbeatReply.self), codec(MapCompletionsRequest.self), codec(MapCompletionsReply.self),
        codec(FetchInputRequest.self), codec(FetchInputReply.self), codec(CommitOutputRequest.self),
        codec(CommitOutputReply.self), codec(DeregisterTrackerRequest.self), codec(DeregisterTrackerReply.self),
        codec(FetchJobFileRequest.self), codec(FetchJobFileReply.self), codec(FetchMapOutputRequest.self),
        codec(FetchMapOutputReply.self), codec(FetchAttemptLogRequest.self), codec(TaskAssignment.self),
        codec(AttemptReport.self), codec(JobReport.self), codec(MapOutputLocation.self), codec(JobPlan.self),
        codec(JobDescriptor.self), codec(TaskRunRequest.self), codec(TaskRunResult.self), codec(LogRecord.self),
    ]

    /// Decodes `bytes` with the codec `selector` chooses.
    static func decode(_ bytes: ByteBuffer, selector: UInt8) {
        codecs[Int(selector - firstSelector) % codecs.count](bytes)
    }
}
