import Cluster
import Foundation
import Hummingbird
import ImageCodecs

/// Uploads and histogram equalization in the JSON API: upload (streamed to disk, size-limited),
/// list, inspect, download the original, the result and browser previews, equalize, delete.
struct UploadRoutes<Context: RequestContext>: Sendable {
    let console: Console

    func add(to router: Router<Context>) {
        let api = APIRoutes<Context>(console: console)
        let uploads = console.uploads
        let actions = console.actions
        api.read(router, "/api/v1/uploads") { _, _ in ConsoleResponse.json(uploads.list()) }
        api.change(router, "/api/v1/uploads") { request, _ in
            guard let name = request.uri.queryParameters["name"].map(String.init) else {
                throw HTTPError(.badRequest, message: "give the file name as ?name=")
            }
            if let length = request.headers[.contentLength].flatMap({ Int64($0) }), length > uploads.limit {
                throw UploadTooLarge(limit: uploads.limit)
            }
            let upload = try await uploads.save(name: name, body: request.body)
            return ConsoleResponse.json(upload, status: .created)
        }
        api.read(router, "/api/v1/uploads/:upload") { _, context in
            let upload = try uploads.upload(try context.parameters.require("upload"))
            let job = await console.lastJob(of: upload)
            let before = upload.kind == "image" ? try? DisplayImage(path: uploads.filePath(of: upload)) : nil
            let after = uploads.resultPath(of: upload).flatMap { try? DisplayImage(path: $0) }
            return ConsoleResponse.json(
                UploadDetail(
                    upload: upload, job: job.map(JobJSON.init), resultReady: after != nil, histogramBefore: before?.histogram(),
                    histogramAfter: after?.histogram()))
        }
        api.change(router, "/api/v1/uploads/:upload", method: .delete) { _, context in
            try await actions.delete(upload: try context.parameters.require("upload"))
            return ConsoleResponse.json(["deleted": true])
        }
        api.read(router, "/api/v1/uploads/:upload/original") { _, context in
            let upload = try uploads.upload(try context.parameters.require("upload"))
            return try await ConsoleResponse.file(
                uploads.filePath(of: upload), type: Self.type(of: uploads.filePath(of: upload)), downloadName: upload.name,
                context: context)
        }
        api.read(router, "/api/v1/uploads/:upload/result") { _, context in
            let upload = try uploads.upload(try context.parameters.require("upload"))
            guard let path = uploads.resultPath(of: upload) else { throw HTTPError(.notFound, message: "no result yet") }
            return try await ConsoleResponse.file(path, type: Self.type(of: path), downloadName: upload.resultName, context: context)
        }
        api.read(router, "/api/v1/uploads/:upload/preview/:which") { _, context in
            let upload = try uploads.upload(try context.parameters.require("upload"))
            let which = try context.parameters.require("which")
            let path: String?
            switch which {
            case "original": path = uploads.filePath(of: upload)
            case "result": path = uploads.resultPath(of: upload)
            default: throw HTTPError(.notFound, message: "preview is original or result")
            }
            guard let path, upload.kind == "image" else { throw HTTPError(.notFound, message: "no such image") }
            return ConsoleResponse.bytes(try DisplayImage(path: path).jpegPreview(), type: "image/jpeg")
        }
        api.change(router, "/api/v1/histeq") { request, _ in
            var request = request
            let body = try await request.collectBody(upTo: 4096)
            let fields = try JSONDecoder().decode([String: String].self, from: Data(body.readableBytesView))
            let job = try await actions.submitHisteq(upload: fields["upload"] ?? "", mode: fields["mode"] ?? "luma")
            return ConsoleResponse.json(["job": "\(job)", "upload": fields["upload"] ?? ""], status: .created)
        }
    }

    /// The content type of an image file by its bytes.
    private static func type(of path: String) -> String {
        switch try? ImageFormat.detect(path: path) {
        case .jpeg: "image/jpeg"
        case .tiff: "image/tiff"
        default: "application/octet-stream"
        }
    }
}
