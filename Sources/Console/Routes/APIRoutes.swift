import Cluster
import Foundation
import Hummingbird
import MapReduce

/// The JSON API of jobs, their results, the installed jobs, trackers and logs under `/api/v1/`.
struct APIRoutes<Context: RequestContext>: Sendable {
    let console: Console

    func add(to router: Router<Context>) {
        let tracker = console.tracker
        let actions = console.actions
        read(router, "/api/v1/overview") { _, _ in ConsoleResponse.json(OverviewJSON(await tracker.overview())) }
        read(router, "/api/v1/jobs") { _, _ in
            ConsoleResponse.json(await tracker.currentView().reports().map(JobJSON.init))
        }
        read(router, "/api/v1/jobs/:job") { _, context in
            ConsoleResponse.json(JobDetailJSON(try await tracker.detail(of: try PageRoutes<Context>.jobID(context))))
        }
        read(router, "/api/v1/jobs/:job/tasks") { _, context in
            ConsoleResponse.json(try await tracker.detail(of: try PageRoutes<Context>.jobID(context)).tasks)
        }
        read(router, "/api/v1/jobs/:job/counters") { _, context in
            ConsoleResponse.json(
                try await tracker.currentView().report(try PageRoutes<Context>.jobID(context)).counters.values
            )
        }
        read(router, "/api/v1/jobs/:job/output") { _, context in
            ConsoleResponse.json(
                JobResults(try await tracker.currentView().report(try PageRoutes<Context>.jobID(context))).files
            )
        }
        read(router, "/api/v1/jobs/:job/output/:file") { _, context in
            let results = JobResults(try await tracker.currentView().report(try PageRoutes<Context>.jobID(context)))
            let file = try PageRoutes<Context>.parameter("file", of: context)
            return try await ConsoleResponse.file(
                try results.path(of: file),
                type: JobResults.contentType(of: file),
                downloadName: JobResults.downloadName(of: file),
                context: context
            )
        }
        read(router, "/api/v1/jobs/:job/artifacts") { _, context in
            let job = try PageRoutes<Context>.jobID(context)
            return ConsoleResponse.json(
                JobResults(try await tracker.currentView().report(job)).artifacts.map { ArtifactJSON($0, of: job) }
            )
        }
        read(router, "/api/v1/jobs/:job/artifacts/:file") { _, context in
            let results = JobResults(try await tracker.currentView().report(try PageRoutes<Context>.jobID(context)))
            let artifact = try results.artifact(try PageRoutes<Context>.parameter("file", of: context))
            return try await ConsoleResponse.file(
                results.directory + "/" + artifact.fileName,
                type: JobResults.contentType(of: artifact.fileName),
                downloadName: nil,
                context: context
            )
        }
        read(router, "/api/v1/installed-jobs") { _, _ in ConsoleResponse.json(await actions.installedJobs()) }
        read(router, "/api/v1/trackers") { request, _ in
            let query = try PageQuery(request)
            let page = await tracker.trackerPage(offset: query.offset, limit: query.limit)
            var response = ConsoleResponse.json(page.trackers)
            response.headers[HeaderNames.totalCount] = "\(page.total)"
            return response
        }
        read(router, "/api/v1/logs") { request, _ in
            let query = request.uri.queryParameters
            let filter = LogFilter(
                job: query["job"].map(String.init) ?? "",
                source: query["source"].map(String.init) ?? "",
                level: query["level"].map(String.init) ?? ""
            )
            let limit = query["limit"].flatMap { Int($0) } ?? 500
            return ConsoleResponse.json(
                tracker.logs.recent(limit: min(limit, JobTracker.logCapacity), where: filter.matches)
            )
        }
        change(router, "/api/v1/jobs") { request, _ in
            var request = request
            let body = try await request.collectBody(upTo: 64 << 10)
            let submit = try JSONDecoder().decode(SubmitRequest.self, from: Data(body.readableBytesView))
            let job = try await actions.submit(submit)
            return ConsoleResponse.json(["job": "\(job)"], status: .created)
        }
        change(router, "/api/v1/jobs/:job/kill") { _, context in
            ConsoleResponse.json(JobJSON(try await actions.kill(try PageRoutes<Context>.jobID(context))))
        }
    }

    /// A GET route that needs read access and answers errors as JSON.
    func read(
        _ router: Router<Context>,
        _ path: RouterPath,
        _ body: @escaping @Sendable (Request, Context) async throws -> Response
    ) {
        let auth = console.auth
        router.get(path) { request, context in
            guard auth.mayRead(request) else {
                return ConsoleResponse.json(
                    ["error": "sign in with the console token first (POST /login)"],
                    status: .unauthorized
                )
            }
            do { return try await body(request, context) } catch { return ConsoleResponse.jsonError(error) }
        }
    }

    /// A state-changing route (POST, or `method`) that needs a session and its CSRF token.
    func change(
        _ router: Router<Context>,
        _ path: RouterPath,
        method: HTTPRequest.Method = .post,
        _ body: @escaping @Sendable (Request, Context) async throws -> Response
    ) {
        let auth = console.auth
        router.on(path, method: method) { request, context in
            do {
                _ = try auth.requireChange(request)
                return try await body(request, context)
            } catch {
                return ConsoleResponse.jsonError(error)
            }
        }
    }
}
