import Cluster
import Foundation
import Hummingbird
import MapReduce

/// The JobTracker's web console: server-rendered pages and the JSON API under `/api/v1/`, added
/// to an HTTP router of the JobTracker's HTTP server.
///
/// The console runs in the JobTracker's process and reads the ``JobTracker`` actor directly:
/// what it shows is what `mrsubmit status` and `mrsubmit list` show over the binary protocol.
public final class Console: Sendable {
    /// The JobTracker.
    public let tracker: JobTracker
    /// Sessions and access rules.
    public let auth: ConsoleAuth
    /// The console's settings.
    public let configuration: ConsoleConfiguration
    let uploads: UploadStore
    let actions: ConsoleActions

    /// A console over `tracker`; creates the upload directory.
    public init(tracker: JobTracker, configuration: ConsoleConfiguration) throws {
        self.tracker = tracker
        self.configuration = configuration
        auth = ConsoleAuth(token: configuration.token, requiresLoginToRead: configuration.requiresLoginToRead)
        uploads = try UploadStore(dataDirectory: configuration.dataDirectory, limit: configuration.uploadLimit)
        let inputs = URL(fileURLWithPath: uploads.root).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("inputs").path
        try FileManager.default.createDirectory(atPath: inputs, withIntermediateDirectories: true)
        actions = ConsoleActions(tracker: tracker, uploads: uploads, inputsDirectory: inputs)
    }

    /// Adds the console's pages, API, sign-in and static assets to `router`, behind the `Host`
    /// check (which leaves the router's `/healthz`, `/readyz` and `/metrics` alone).
    public func addRoutes<Context: RequestContext>(to router: Router<Context>) {
        router.add(middleware: HostCheckMiddleware<Context>(allowed: configuration.allowedHosts))
        AuthRoutes<Context>(console: self).add(to: router)
        PageRoutes<Context>(console: self).add(to: router)
        APIRoutes<Context>(console: self).add(to: router)
        UploadRoutes<Context>(console: self).add(to: router)
    }
}
