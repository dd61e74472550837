import Console
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import MapReduce
import TestSupport
import Wire

@testable import Cluster

/// A console in router mode over an in-process JobTracker, with one tracker registered that has
/// `jobs` installed: pages and API without sockets or job binaries.
struct RouterConsole {
    /// The console token.
    static let token = "router-test-token"

    let directory: TemporaryDirectory
    let tracker: JobTracker

    /// A JobTracker in a fresh data directory with one tracker that offers `jobs`.
    init(jobs: [JobDescriptor]) async throws {
        directory = try TemporaryDirectory("router-console")
        tracker = try JobTracker(
            configuration: JobTrackerConfiguration(
                host: "127.0.0.1",
                port: 0,
                dataDirectory: directory.file("jt"),
                secret: try ClusterSecret(string: ConsoleCluster.secret)
            ),
            logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        )
        _ = await tracker.register(
            RegisterTrackerRequest(
                tracker: "tracker-1",
                host: "127.0.0.2",
                shufflePort: 1,
                slots: 2,
                probe: FileSystemProbe(path: directory.file("probe"), token: "t"),
                installedJobs: jobs
            )
        )
    }

    /// Runs `body` with a client of the console's router.
    func test<Value>(_ body: @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
        let console = try Console(
            tracker: tracker,
            configuration: ConsoleConfiguration(
                dataDirectory: directory.file("jt"),
                token: Self.token,
                requiresLoginToRead: false
            )
        )
        let router = Router()
        console.addRoutes(to: router)
        return try await Application(router: router).test(.router, body)
    }

    /// Signs in and returns the headers a state-changing request needs.
    static func signIn(_ client: any TestClientProtocol) async throws -> HTTPFields {
        let reply = try await client.execute(
            uri: "/login",
            method: .post,
            headers: [.contentType: "application/json"],
            body: ByteBuffer(string: "{\"token\":\"\(token)\"}")
        )
        let cookie = String(reply.headers[.setCookie]?.split(separator: ";").first ?? "")
        let csrf =
            try JSONDecoder().decode([String: String].self, from: Data(reply.body.readableBytesView))["csrf"] ?? ""
        return [.cookie: cookie, HTTPFields.Element.Name("X-CSRF-Token")!: csrf, .contentType: "application/json"]
    }
}
