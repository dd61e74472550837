import Cluster
import Foundation
import Hummingbird
import MapReduce

/// Uploads in the JSON API: upload (streamed to disk, size-limited), list, inspect, download and
/// delete. Nothing here decodes a file: its kind comes from its first bytes.
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
            var jobs: [JobJSON] = []
            for job in upload.jobs.compactMap(JobID.init) {
                if let report = try? await console.tracker.currentView().report(job) { jobs.append(JobJSON(report)) }
            }
            return ConsoleResponse.json(UploadDetail(upload: upload, jobs: jobs))
        }
        api.change(router, "/api/v1/uploads/:upload", method: .delete) { _, context in
            try await actions.delete(upload: try context.parameters.require("upload"))
            return ConsoleResponse.json(["deleted": true])
        }
        api.read(router, "/api/v1/uploads/:upload/original") { _, context in
            let upload = try uploads.upload(try context.parameters.require("upload"))
            return try await ConsoleResponse.file(
                uploads.filePath(of: upload),
                type: UploadKind.contentType(of: upload.kind),
                downloadName: upload.name,
                context: context
            )
        }
    }
}
