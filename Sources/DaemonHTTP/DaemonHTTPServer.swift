import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import Prometheus

/// A daemon's HTTP endpoint: liveness, readiness and Prometheus metrics, plus any routes the
/// daemon adds (the JobTracker's console).
///
/// | path       | answer                                                              |
/// |------------|---------------------------------------------------------------------|
/// | `/healthz` | 200 `ok` while the process serves (liveness)                        |
/// | `/readyz`  | 200 `ready`, or 503 with the reason the daemon should get no work   |
/// | `/metrics` | the daemon's metrics in the Prometheus text format                  |
///
/// Every connection is held to ``HTTPConnectionLimits``: header, body and idle timeouts, and a
/// cap on connections served at once, below the process's descriptor limit.
public struct DaemonHTTPServer<Context: RequestContext>: Sendable
where Context.Source == ApplicationRequestContextSource {
    /// The address to bind.
    public let host: String
    /// The port to bind; 0 picks a free one.
    public let port: Int
    private let readiness: @Sendable () async -> DaemonReadiness
    private let registry: PrometheusCollectorRegistry
    private let logger: Logger
    private let addRoutes: @Sendable (Router<Context>) -> Void
    /// The timeouts and the connection cap.
    public let limits: HTTPConnectionLimits

    /// Describes the server; `addRoutes` registers the daemon's own routes beside the standard ones.
    public init(
        host: String,
        port: Int,
        context: Context.Type,
        readiness: @escaping @Sendable () async -> DaemonReadiness,
        registry: PrometheusCollectorRegistry,
        logger: Logger,
        limits: HTTPConnectionLimits = .default,
        addRoutes: @escaping @Sendable (Router<Context>) -> Void = { _ in }
    ) {
        self.host = host
        self.port = port
        self.limits = limits
        self.readiness = readiness
        self.registry = registry
        self.logger = logger
        self.addRoutes = addRoutes
    }

    /// The Hummingbird application, a service to run in the daemon's `ServiceGroup`;
    /// `onRunning` receives the bound port once the server listens.
    public func application(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        let router = Router(context: Context.self)
        router.get("healthz") { _, _ in "ok\n" }
        router.get("readyz") { [readiness] _, _ in
            switch await readiness() {
            case .ready:
                return Response(status: .ok, body: ResponseBody(byteBuffer: ByteBuffer(string: "ready\n")))
            case .notReady(let reason):
                return Response(
                    status: .serviceUnavailable,
                    body: ResponseBody(byteBuffer: ByteBuffer(string: reason + "\n"))
                )
            }
        }
        router.get("metrics") { [registry] _, _ in
            var buffer: [UInt8] = []
            registry.emit(into: &buffer)
            return Response(
                status: .ok,
                headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: buffer))
            )
        }
        addRoutes(router)
        let limits = limits
        let cap = limits.connectionCap(descriptorLimit: FileDescriptorLimit.current)
        return Application(
            router: router,
            server: HTTPServerBuilder { responder in TimedHTTP1Channel(responder: responder, limits: limits) },
            configuration: ApplicationConfiguration(
                address: .hostname(host, port: port),
                availableConnectionsDelegate: MaximumAvailableConnections(cap, logger: logger)
            ),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
            logger: logger
        )
    }
}
