import Foundation
import MapReduce
import NIOCore
import NIOPosix
import Wire

/// A client of a JobTracker: submits jobs, follows them, lists and kills them, and moves files.
public struct ClusterClient: Sendable {
    /// The JobTracker.
    public let address: ClusterAddress
    private let client: WireClient

    /// Creates a client; nothing is sent until a call.
    public init(
        address: ClusterAddress,
        secret: ClusterSecret,
        nodeID: String = "mrsubmit-\(ProcessInfo.processInfo.processIdentifier)"
    ) {
        self.address = address
        client = WireClient(
            WireClient.Configuration(
                host: address.host,
                port: address.port,
                secret: secret,
                role: .client,
                nodeID: nodeID,
                connectTimeout: .seconds(3),
                requestTimeout: .seconds(10)
            )
        )
    }

    /// Runs `body` on one connection to the JobTracker, naming the JobTracker in connection errors.
    public func withConnection<Result: Sendable>(_ body: (WireConnection) async throws -> Result) async throws -> Result
    {
        do {
            return try await client.withConnection(body)
        } catch let error as WireError {
            switch error {
            case .remote(let message): throw ClusterError(message: message.message)
            case .connectionClosed, .timedOut, .truncated:
                throw ClusterError(message: "JobTracker \(address): \(error)", lostConnection: true)
            default: throw ClusterError(message: "JobTracker \(address): \(error)")
            }
        } catch let error as NIOConnectionError {
            throw ClusterError(message: "JobTracker \(address): \(error)", lostConnection: true)
        } catch let error as IOError {
            throw ClusterError(message: "JobTracker \(address): \(error)", lostConnection: true)
        } catch let error as ChannelError {
            throw ClusterError(message: "JobTracker \(address): \(error)", lostConnection: true)
        }
    }

    /// Submits a job and returns its id.
    public func submit(_ request: SubmitJobRequest, on connection: WireConnection) async throws -> JobID {
        try await connection.call(request, expecting: SubmitJobReply.self).job
    }

    /// A job's report.
    public func status(of job: JobID, on connection: WireConnection) async throws -> JobReport {
        try await connection.call(JobStatusRequest(job: job), expecting: JobStatusReply.self).report
    }

    /// Every job's report.
    public func list(on connection: WireConnection) async throws -> [JobReport] {
        try await connection.call(ListJobsRequest(), expecting: ListJobsReply.self).jobs
    }

    /// Kills a job and returns its report.
    public func kill(_ job: JobID, on connection: WireConnection) async throws -> JobReport {
        try await connection.call(KillJobRequest(job: job), expecting: KillJobReply.self).report
    }

    /// The attempts of a job, or of one task of it (`task` empty for all).
    public func attempts(of job: JobID, task: String, on connection: WireConnection) async throws -> [AttemptSummary] {
        try await connection.call(AttemptListRequest(job: job, task: task), expecting: AttemptListReply.self).attempts
    }

    /// An attempt's standard error log, fetched from its tracker through the JobTracker.
    public func log(of attempt: AttemptID, on connection: WireConnection) async throws -> String {
        let response = try await connection.download(
            ClusterMessages.attemptLog,
            payload: AttemptLogRequest(attempt: attempt).encodedBuffer()
        )
        _ = try response.header.decode(as: AttemptLogReply.self)
        var text = ""
        for try await chunk in response.body { text += String(buffer: chunk) }
        return text
    }

    /// Follows a job until it ends, reporting each change; returns the final report.
    ///
    /// Each status request is held by the JobTracker for up to `interval` while the job runs, so
    /// the end of the job is heard at once and progress every `interval`.
    public func follow(
        _ job: JobID,
        on connection: WireConnection,
        every interval: Duration,
        progress: @Sendable (JobReport) -> Void
    ) async throws -> JobReport {
        let hold = Int(interval.components.seconds * 1000 + interval.components.attoseconds / 1_000_000_000_000_000)
        var last: JobReport?
        while true {
            let report = try await connection.call(
                JobStatusRequest(job: job, holdMilliseconds: hold),
                expecting: JobStatusReply.self
            ).report
            if report != last { progress(report) }
            last = report
            if report.state.isFinal { return report }
        }
    }

    /// What the cluster offers for planning a job: its slots and installed jobs.
    public func info(on connection: WireConnection) async throws -> ClusterInfoReply {
        try await connection.call(ClusterInfoRequest(), expecting: ClusterInfoReply.self)
    }

    /// Uploads job files into the JobTracker's job-file store, skipping those it holds already;
    /// returns the files it uploaded.
    ///
    /// Each entry pairs a file's reference (hash, name, size) with its local path.
    @discardableResult
    public func store(
        _ files: [(JobFileReference, String)],
        on connection: WireConnection
    ) async throws -> [JobFileReference] {
        let present = try await connection.call(
            JobFileStatusRequest(hashes: files.map(\.0.sha256)),
            expecting: JobFileStatusReply.self
        ).present
        var uploaded: [JobFileReference] = []
        for ((file, path), isPresent) in zip(files, present) where !isPresent {
            let handle = try FileReadHandle(path: path)
            let reply = try await connection.upload(
                ClusterMessages.uploadJobFile,
                payload: UploadJobFileRequest(file: file).encodedBuffer(),
                timeout: .seconds(120)
            ) { writer in
                try await FileStreaming.stream(handle, from: 0, length: file.size, to: writer)
            }
            _ = try reply.decode(as: UploadJobFileReply.self)
            uploaded.append(file)
        }
        return uploaded
    }

    /// Uploads local files into a fresh staging directory on the JobTracker; returns their paths there.
    public func upload(_ files: [InputFile], names: [String], on connection: WireConnection) async throws -> [String] {
        let staging = UUID().uuidString.lowercased()
        var remote: [String] = []
        for (file, name) in zip(files, names) {
            let handle = try FileReadHandle(path: file.path)
            let reply = try await connection.upload(
                ClusterMessages.uploadInput,
                payload: UploadInputRequest(staging: staging, relativePath: name).encodedBuffer()
            ) { writer in
                try await FileStreaming.stream(handle, from: 0, length: handle.size, to: writer)
            }
            remote.append(try reply.decode(as: UploadInputReply.self).path)
        }
        return remote
    }

    /// Downloads a finished job's output files into `directory`.
    public func download(_ job: JobID, into directory: String, on connection: WireConnection) async throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let files = try await connection.call(ListOutputRequest(job: job), expecting: ListOutputReply.self).files
        for name in files {
            let response = try await connection.download(
                ClusterMessages.downloadOutput,
                payload: DownloadOutputRequest(job: job, file: name).encodedBuffer()
            )
            _ = try response.header.decode(as: DownloadOutputReply.self)
            try await FileStreaming.receive(response.body, into: directory + "/" + (try PathSafety.fileName(name)))
        }
    }
}
