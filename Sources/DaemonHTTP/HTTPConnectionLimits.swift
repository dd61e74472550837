/// How long an HTTP connection may take at each step and how many may be open at once, so that
/// slow or half-sent requests cannot hold a daemon's descriptors.
public struct HTTPConnectionLimits: Sendable, Equatable {
    /// From a request's first byte until its head (request line and headers) is complete.
    public var headerTimeout: Duration
    /// From a request's head until its body is complete.
    public var bodyTimeout: Duration
    /// From the connection's start or the last response until the next request's first byte.
    public var idleTimeout: Duration
    /// Connections served at once; more wait in the kernel's backlog, holding no descriptor of the
    /// daemon. ``connectionCap(descriptorLimit:)`` lowers it further.
    public var maxConnections: Int

    /// The documented defaults: 10 s for a head, 300 s for a body, 60 s idle, 256 connections.
    public static let `default` = HTTPConnectionLimits(
        headerTimeout: .seconds(10),
        bodyTimeout: .seconds(300),
        idleTimeout: .seconds(60),
        maxConnections: 256
    )

    /// Creates limits; timeouts below 10 ms are raised to it, and the cap to at least 1.
    public init(headerTimeout: Duration, bodyTimeout: Duration, idleTimeout: Duration, maxConnections: Int) {
        let floor = Duration.milliseconds(10)
        self.headerTimeout = max(floor, headerTimeout)
        self.bodyTimeout = max(floor, bodyTimeout)
        self.idleTimeout = max(floor, idleTimeout)
        self.maxConnections = max(1, maxConnections)
    }

    /// The connections to serve at once in a process that may hold `descriptorLimit` descriptors:
    /// ``maxConnections``, but never more than a quarter of the limit, so that the rest stays for
    /// the cluster port, job files and the shuffle.
    public func connectionCap(descriptorLimit: Int) -> Int {
        max(1, min(maxConnections, descriptorLimit / 4))
    }
}
