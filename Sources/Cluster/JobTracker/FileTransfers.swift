import Foundation
import MapReduce
import NIOCore
import Wire

/// The JobTracker's streamed file requests: client uploads and downloads, job files in and out of
/// the job-file store, tracker input fetches and reduce output commits. Every name from a peer is checked before it reaches a path.
struct FileTransfers {
    let tracker: JobTracker

    func answer(_ request: IncomingRequest, on connection: WireConnection) async throws {
        switch request.type {
        case ClusterMessages.uploadInput:
            let message = try request.decode(as: UploadInputRequest.self)
            guard message.staging.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }), !message.staging.isEmpty
            else {
                throw InputError(path: message.staging, problem: "bad staging name")
            }
            let path =
                tracker.configuration.dataDirectory + "/staging/\(message.staging)/"
                + (try PathSafety.relativePath(message.relativePath))
            try await FileStreaming.receive(request.body, into: path)
            try await connection.respond(to: request, with: UploadInputReply(path: path))
        case ClusterMessages.listOutput:
            let directory = try await tracker.outputDirectory(of: try request.decode(as: ListOutputRequest.self).job)
            let names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted { a, b in
                (a == "_SUCCESS" ? 1 : 0, a) < (b == "_SUCCESS" ? 1 : 0, b)
            }
            try await connection.respond(to: request, with: ListOutputReply(files: names))
        case ClusterMessages.downloadOutput:
            let message = try request.decode(as: DownloadOutputRequest.self)
            let directory = try await tracker.outputDirectory(of: message.job)
            try await FileStreaming.send(
                directory + "/" + (try PathSafety.fileName(message.file)),
                for: request,
                on: connection
            )
        case ClusterMessages.fetchInput:
            let message = try request.decode(as: FetchInputRequest.self)
            guard await tracker.isInput(message.path, of: message.job) else {
                throw InputError(path: message.path, problem: "not an input of \(message.job)")
            }
            try await FileStreaming.send(message.path, for: request, on: connection)
        case ClusterMessages.jobFileStatus:
            let hashes = try request.decode(as: JobFileStatusRequest.self).hashes
            var present: [Bool] = []
            for hash in hashes { present.append(await tracker.jobFiles.contains(hash)) }
            try await connection.respond(to: request, with: JobFileStatusReply(present: present))
        case ClusterMessages.uploadJobFile:
            let file = try request.decode(as: UploadJobFileRequest.self).file
            try await tracker.jobFiles.receive(file, body: request.body)
            try await connection.respond(to: request, with: UploadJobFileReply())
        case ClusterMessages.fetchJobFile:
            let path = try await tracker.jobFiles.fetchPath(of: try request.decode(as: FetchJobFileRequest.self).sha256)
            try await FileStreaming.send(path, for: request, on: connection)
        case ClusterMessages.commitOutput:
            let message = try request.decode(as: CommitOutputRequest.self)
            let directory = try await tracker.uploadDirectory(for: message.attempt)
            let path = directory + "/" + (try PathSafety.fileName(message.file))
            try await FileStreaming.receive(request.body, into: path)
            try await connection.respond(to: request, with: CommitOutputReply())
        default:
            throw InputError(path: "\(request.type)", problem: "unexpected request")
        }
    }
}
