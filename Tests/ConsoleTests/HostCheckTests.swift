import Cluster
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import TestSupport
import Testing
import Wire

@testable import Console

/// The console answers only `localhost`, its bound address and `--console-host` names in the
/// `Host` header, against DNS rebinding; health, readiness and metrics answer any.
struct HostCheckTests {
    /// Sets the request's authority from `X-Test-Host`, as the HTTP/1 server sets it from `Host`:
    /// the router test mode always says `localhost`.
    struct TestHost<Context: RequestContext>: RouterMiddleware {
        func handle(
            _ request: Request,
            context: Context,
            next: (Request, Context) async throws -> Response
        ) async throws -> Response {
            guard let host = request.headers[HTTPField.Name("X-Test-Host")!] else {
                return try await next(request, context)
            }
            var head = request.head
            head.authority = host
            return try await next(Request(head: head, body: request.body), context)
        }
    }

    /// The console of a JobTracker without trackers, bound to `bindHost`, beside stand-ins for the
    /// daemon's health routes.
    func application(
        bindHost: String,
        names: [String] = [],
        in directory: TemporaryDirectory
    ) throws -> some ApplicationProtocol {
        let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        let tracker = try JobTracker(
            configuration: JobTrackerConfiguration(
                host: bindHost,
                dataDirectory: directory.file("jt"),
                secret: ClusterSecret.random()
            ),
            logger: logger
        )
        let console = try Console(
            tracker: tracker,
            configuration: ConsoleConfiguration(
                dataDirectory: directory.file("jt"),
                token: "token",
                requiresLoginToRead: false,
                allowedHosts: AllowedHosts(bindHost: bindHost, names: names)
            )
        )
        let router = Router()
        router.add(middleware: TestHost())
        for path in ["healthz", "readyz", "metrics"] { router.get(RouterPath(path)) { _, _ in "ok\n" } }
        console.addRoutes(to: router)
        return Application(router: router, logger: logger)
    }

    func status(_ client: some TestClientProtocol, _ path: String, host: String) async throws -> HTTPResponse.Status {
        try await client.execute(uri: path, method: .get, headers: [HTTPField.Name("X-Test-Host")!: host]).status
    }

    @Test func aLoopbackConsoleRefusesOtherHostNamesButNotItsProbes() async throws {
        let directory = try TemporaryDirectory("host-check")
        try await application(bindHost: "127.0.0.1", in: directory).test(.router) { client async throws in
            for host in ["127.0.0.1:9430", "localhost:9430", "LOCALHOST", "localhost.", "127.0.0.1"] {
                #expect(try await status(client, "/api/v1/jobs", host: host) == .ok, "\(host)")
            }
            for host in [
                "attacker.example:9430", "attacker.example", "127.0.0.2:9430", "10.0.0.5", "127.0.0.1.nip.io", "",
                "[::1]x",
            ] {
                #expect(try await status(client, "/api/v1/jobs", host: host) == .misdirectedRequest, "\(host)")
                #expect(try await status(client, "/", host: host) == .misdirectedRequest, "\(host)")
            }
            let refused = try await client.execute(
                uri: "/",
                method: .get,
                headers: [HTTPField.Name("X-Test-Host")!: "attacker.example:9430"]
            )
            #expect(String(buffer: refused.body).contains("does not answer to the host attacker.example:9430"))
            for path in ["/healthz", "/readyz", "/metrics"] {
                #expect(try await status(client, path, host: "10.1.2.3:9430") == .ok, "\(path)")
            }
        }
    }

    @Test func namesGivenWithConsoleHostAndAddressesOfAWildcardBindAreAnswered() async throws {
        let directory = try TemporaryDirectory("host-check")
        let names = ["mr-swift-mapreduce-jobtracker", "Console.Example.COM"]
        try await application(bindHost: "0.0.0.0", names: names, in: directory).test(.router) { client async throws in
            for host in [
                "mr-swift-mapreduce-jobtracker:9430", "console.example.com", "10.1.2.3:9430", "[fd00::5]:9430",
                "localhost",
            ] {
                #expect(try await status(client, "/api/v1/jobs", host: host) == .ok, "\(host)")
            }
            for host in ["attacker.example", "mr-swift-mapreduce-jobtracker.evil.example", "example.com"] {
                #expect(try await status(client, "/api/v1/jobs", host: host) == .misdirectedRequest, "\(host)")
            }
        }
    }

    @Test func hostHeadersAreParsedWithoutTheirPort() {
        #expect(AllowedHosts.host(of: "Example.COM.:80") == "example.com")
        #expect(AllowedHosts.host(of: "[::1]:9430") == "::1")
        #expect(AllowedHosts.host(of: "[::1]") == "::1")
        #expect(
            AllowedHosts.host(of: "a:b") == nil && AllowedHosts.host(of: "[::1") == nil
                && AllowedHosts.host(of: ":80") == nil
        )
        #expect(AllowedHosts(bindHost: "::1").permits("[::1]:9430"))
        #expect(AllowedHosts(bindHost: "localhost").permits("127.0.0.1:9430"))
        #expect(!AllowedHosts(bindHost: "127.0.0.1").permits(nil))
    }
}
