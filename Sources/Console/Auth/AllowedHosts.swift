import Glibc

/// The `Host` headers the console answers, against DNS rebinding: a web page whose name an
/// attacker points at 127.0.0.1 reaches the console, but with its own name in `Host`.
///
/// Allowed are `localhost`, the address the console is bound to, any IP address when it is bound
/// to all of them (`0.0.0.0` or `::`; an address is no name that could be re-pointed), and the
/// names given with `--console-host`. The port is not compared.
public struct AllowedHosts: Sendable, Equatable {
    /// The address the console listens on.
    public var bindHost: String
    /// Further names the console answers to (`--console-host`).
    public var names: [String]

    /// Allows `localhost`, `bindHost` (any IP address for a wildcard bind) and `names`.
    public init(bindHost: String, names: [String] = []) {
        self.bindHost = Self.normalized(bindHost)
        self.names = names.map(Self.normalized).filter { !$0.isEmpty }
    }

    /// Whether a request whose `Host` header is `authority` may be answered.
    public func permits(_ authority: String?) -> Bool {
        guard let authority, let host = Self.host(of: authority) else { return false }
        if host == "localhost" || host == bindHost || names.contains(host) { return true }
        if bindHost == "localhost" { return host == "127.0.0.1" || host == "::1" }
        return ["0.0.0.0", "::", ""].contains(bindHost) && Self.isIPAddress(host)
    }

    /// The host of a `Host` header without its port and IPv6 brackets, normalized; nil when malformed.
    static func host(of authority: String) -> String? {
        var text = Substring(authority)
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { return nil }
            let rest = text[text.index(after: close)...]
            guard rest.isEmpty || rest.hasPrefix(":") else { return nil }
            text = text[text.index(after: text.startIndex)..<close]
        } else if let colon = text.firstIndex(of: ":") {
            guard text[text.index(after: colon)...].allSatisfy(\.isNumber) else { return nil }
            text = text[..<colon]
        }
        let host = normalized(String(text))
        return host.isEmpty ? nil : host
    }

    private static func normalized(_ name: String) -> String {
        var name = name.lowercased()
        while name.hasSuffix(".") { name.removeLast() }
        if name.hasPrefix("["), name.hasSuffix("]") { name = String(name.dropFirst().dropLast()) }
        return name
    }

    private static func isIPAddress(_ host: String) -> Bool {
        var v4 = in_addr()
        var v6 = in6_addr()
        return inet_pton(AF_INET, host, &v4) == 1 || inet_pton(AF_INET6, host, &v6) == 1
    }
}
