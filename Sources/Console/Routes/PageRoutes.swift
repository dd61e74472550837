import Cluster
import Foundation
import Hummingbird
import MapReduce

/// The console's HTML pages: dashboard, job, trackers, logs and histogram equalization.
struct PageRoutes<Context: RequestContext>: Sendable {
    let console: Console

    func add(to router: Router<Context>) {
        page(router, "/", title: "Dashboard") { _, _ in
            let overview = await console.tracker.overview()
            return DashboardPage(
                overview: overview, uploads: console.uploads.list(), dataFiles: console.actions.dataFiles(),
                jobNames: ConsoleActions.textJobs
            ).render()
        }
        page(router, "/jobs/:job", title: "Job", section: "Dashboard", titleParameter: "job") { _, context in
            let job = try Self.jobID(context)
            let detail = try await console.tracker.detail(of: job)
            return JobPage(detail: detail, outputFiles: console.outputFiles(of: detail.report), now: Date().timeIntervalSince1970)
                .render()
        }
        page(router, "/trackers", title: "Trackers") { _, _ in
            TrackersPage(trackers: await console.tracker.trackerStatuses(), now: Date().timeIntervalSince1970).render()
        }
        page(router, "/logs", title: "Logs") { request, _ in
            let query = request.uri.queryParameters
            let filter = LogFilter(
                job: query["job"].map(String.init) ?? "", source: query["source"].map(String.init) ?? "",
                level: query["level"].map(String.init) ?? "")
            let all = console.tracker.logs.recent(limit: JobTracker.logCapacity)
            let sources = Array(Set(all.map(\.source).filter { !$0.hasPrefix("attempt_") })).sorted()
            return LogsPage(lines: Array(all.filter(filter.matches).suffix(500)), filter: filter, sources: sources).render()
        }
        page(router, "/histeq", title: "Histogram equalization") { _, _ in
            var entries: [(upload: Upload, job: JobReport?)] = []
            for upload in console.uploads.list() where upload.kind == "image" {
                entries.append((upload, await console.lastJob(of: upload)))
            }
            return HisteqPage(uploads: entries, limit: console.configuration.uploadLimit).render()
        }
        page(router, "/histeq/:upload", title: "Histogram equalization") { _, context in
            let upload = try console.uploads.upload(try context.parameters.require("upload"))
            let job = await console.lastJob(of: upload)
            let before = try? DisplayImage(path: console.uploads.filePath(of: upload))
            let after = job?.state == .succeeded ? console.uploads.resultPath(of: upload).flatMap { try? DisplayImage(path: $0) } : nil
            return HisteqResultPage(
                upload: upload, job: job, before: before.map { ($0.histogram(), $0.summary) }, after: after?.histogram()
            ).render()
        }
    }

    /// Adds a page at `path`, rendered inside the layout; without read access it redirects to
    /// the sign-in page, and an error becomes a page with the error's status.
    private func page(
        _ router: Router<Context>, _ path: RouterPath, title: String, section: String? = nil, titleParameter: String? = nil,
        body: @escaping @Sendable (Request, Context) async throws -> String
    ) {
        let auth = console.auth
        router.get(path) { request, context in
            guard auth.mayRead(request) else { return ConsoleResponse.redirect(to: "/login") }
            let suffix = titleParameter.flatMap { context.parameters.get($0) }.map { " " + $0 } ?? ""
            let layout = PageLayout(title: title + suffix, section: section ?? title, csrf: auth.session(of: request)?.csrf ?? "")
            do {
                return ConsoleResponse.html(layout.render(try await body(request, context)))
            } catch {
                let (status, message) = ConsoleResponse.status(of: error)
                return ConsoleResponse.html(layout.render("<p class=\"error\">\(HTML.escape(message))</p>"), status: status)
            }
        }
    }

    /// The `:job` parameter as a job id; 404 when it is not one.
    static func jobID(_ context: Context) throws -> JobID {
        guard let job = context.parameters.get("job").flatMap(JobID.init) else {
            throw HTTPError(.notFound, message: "no such job")
        }
        return job
    }
}
