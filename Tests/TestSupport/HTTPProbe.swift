import Foundation

/// A minimal HTTP/1.1 client over a blocking socket, for probing a daemon's HTTP endpoint in tests.
public enum HTTPProbe {
    /// A response: its status code and body text.
    public struct Response: Sendable {
        /// The status code, or 0 when nothing answered.
        public let status: Int
        /// The body as text.
        public let body: String
    }

    /// Sends `GET path` to `host:port` and reads the response until the server closes the connection (10 s at most);
    /// status 0 when the connection fails.
    public static func get(host: String, port: Int, path: String) -> Response {
        guard let connection = try? RawConnection(host: host, port: port),
            (try? connection.send("GET \(path) HTTP/1.1\r\nHost: \(host):\(port)\r\nConnection: close\r\n\r\n")) != nil
        else { return Response(status: 0, body: "") }
        let text = connection.readToEnd()
        guard let headerEnd = text.range(of: "\r\n\r\n") else { return Response(status: 0, body: text) }
        let statusLine = text[..<headerEnd.lowerBound].split(separator: "\r\n").first ?? ""
        let parts = statusLine.split(separator: " ")
        let status = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        return Response(status: status, body: String(text[headerEnd.upperBound...]))
    }
}
