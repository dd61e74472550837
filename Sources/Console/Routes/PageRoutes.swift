import Cluster
import Foundation
import Hummingbird
import MapReduce

/// The console's HTML pages: dashboard, the jobs to run and their forms, job, trackers and logs.
struct PageRoutes<Context: RequestContext>: Sendable {
    let console: Console

    func add(to router: Router<Context>) {
        page(router, "/", title: "Dashboard") { _, _ in
            DashboardPage(
                overview: await console.tracker.overview(),
                uploads: console.uploads.list(),
                uploadLimit: console.uploads.limit
            ).render()
        }
        page(router, "/run", title: "Run a job") { _, _ in
            RunPage(jobs: await console.actions.installedJobs()).render()
        }
        page(router, "/run/:name", title: "Run", section: "Run a job", titleParameter: "name") { _, context in
            let name = try Self.parameter("name", of: context)
            guard let job = await console.actions.installedJobs().first(where: { $0.name == name }) else {
                throw HTTPError(.notFound, message: "no such job on the cluster's trackers")
            }
            return RunJobPage(
                job: job,
                uploads: console.uploads.list(),
                dataFiles: console.actions.dataFiles(),
                uploadLimit: console.uploads.limit
            ).render()
        }
        page(router, "/jobs/:job", title: "Job", section: "Dashboard", titleParameter: "job") { _, context in
            let job = try Self.jobID(context)
            let detail = try await console.tracker.detail(of: job)
            let results = JobResults(detail.report)
            let contents = results.artifacts.map { ArtifactContent($0, in: results.directory) }
            return JobPage(
                detail: detail,
                results: ResultsView(job: job, results: results, contents: contents),
                now: Date().timeIntervalSince1970
            ).render()
        }
        page(router, "/trackers", title: "Trackers") { request, _ in
            let query = try PageQuery(request)
            return TrackersPage(
                page: await console.tracker.trackerPage(offset: query.offset, limit: query.limit),
                query: query,
                now: Date().timeIntervalSince1970
            ).render()
        }
        page(router, "/logs", title: "Logs") { request, _ in
            let query = request.uri.queryParameters
            let filter = LogFilter(
                job: query["job"].map(String.init) ?? "",
                source: query["source"].map(String.init) ?? "",
                level: query["level"].map(String.init) ?? ""
            )
            let all = console.tracker.logs.recent(limit: JobTracker.logCapacity)
            let sources = Array(Set(all.map(\.source).filter { !$0.hasPrefix("attempt_") })).sorted()
            return LogsPage(lines: Array(all.filter(filter.matches).suffix(500)), filter: filter, sources: sources)
                .render()
        }
    }

    /// Adds a page at `path`, rendered inside the layout; without read access it redirects to
    /// the sign-in page, and an error becomes a page with the error's status.
    private func page(
        _ router: Router<Context>,
        _ path: RouterPath,
        title: String,
        section: String? = nil,
        titleParameter: String? = nil,
        body: @escaping @Sendable (Request, Context) async throws -> String
    ) {
        let auth = console.auth
        router.get(path) { request, context in
            guard auth.mayRead(request) else { return ConsoleResponse.redirect(to: "/login") }
            let suffix = titleParameter.flatMap { context.parameters.get($0) }.map { " " + $0 } ?? ""
            let layout = PageLayout(
                title: title + suffix,
                section: section ?? title,
                csrf: auth.session(of: request)?.csrf ?? ""
            )
            do {
                return ConsoleResponse.html(layout.render(try await body(request, context)))
            } catch {
                let (status, message) = ConsoleResponse.status(of: error)
                return ConsoleResponse.html(
                    layout.render("<p class=\"error\">\(HTML.escape(message))</p>"),
                    status: status
                )
            }
        }
    }

    /// A path parameter, percent-decoded (the router matches the path as it was sent).
    static func parameter(_ name: String, of context: Context) throws -> String {
        guard let value = try context.parameters.require(name).removingPercentEncoding else {
            throw HTTPError(.notFound, message: "not a valid \(name)")
        }
        return value
    }

    /// The `:job` parameter as a job id; 404 when it is not one.
    static func jobID(_ context: Context) throws -> JobID {
        guard let job = context.parameters.get("job").flatMap(JobID.init) else {
            throw HTTPError(.notFound, message: "no such job")
        }
        return job
    }
}
