import MapReduce

/// A `HOST:PORT` address of a JobTracker, as `--cluster` and `MR_JOBTRACKER` give it.
public struct ClusterAddress: Sendable, Equatable, CustomStringConvertible {
    /// The host name or address.
    public let host: String
    /// The port.
    public let port: Int

    /// Parses `HOST:PORT` (an IPv6 host in brackets: `[::1]:9410`).
    public init(_ text: String) throws {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), port > 0,
            port < 65536
        else { throw InputError(path: text, problem: "expected a JobTracker address as HOST:PORT") }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty else { throw InputError(path: text, problem: "expected a JobTracker address as HOST:PORT") }
        self.host = host
        self.port = port
    }

    /// An address from its parts.
    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}
