import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A plain HTTP client for the console tests: keeps the session cookie and CSRF token itself and
/// never follows redirects, so that tests see every status as the server sent it.
final class HTTPClient: @unchecked Sendable {
    /// One answer.
    struct Reply {
        let status: Int
        let headers: [String: String]
        let body: Data

        var text: String { String(decoding: body, as: UTF8.self) }

        func json<T: Decodable>(_ type: T.Type) throws -> T { try JSONDecoder().decode(type, from: body) }

        func header(_ name: String) -> String? {
            headers.first { $0.key.lowercased() == name.lowercased() }?.value
        }
    }

    private final class NoRedirects: NSObject, URLSessionTaskDelegate {
        func urlSession(
            _ session: URLSession,
            task: URLSessionTask,
            willPerformHTTPRedirection response: HTTPURLResponse,
            newRequest request: URLRequest,
            completionHandler: @escaping (URLRequest?) -> Void
        ) {
            completionHandler(nil)
        }
    }

    let base: String
    private let session: URLSession
    /// The `mr_session` cookie, once signed in.
    var cookie: String?
    /// The session's CSRF token, once signed in.
    var csrf: String?

    init(base: String) {
        self.base = base
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        configuration.timeoutIntervalForRequest = 60
        session = URLSession(configuration: configuration, delegate: NoRedirects(), delegateQueue: nil)
    }

    /// Sends one request; `csrf` adds the session's token header.
    func send(
        _ method: String,
        _ path: String,
        body: Data? = nil,
        type: String? = nil,
        csrf sendsCSRF: Bool = true
    ) async throws -> Reply {
        var request = URLRequest(url: URL(string: base + path)!)
        request.httpMethod = method
        request.httpBody = body
        if let type { request.setValue(type, forHTTPHeaderField: "Content-Type") }
        if let cookie { request.setValue("mr_session=\(cookie)", forHTTPHeaderField: "Cookie") }
        if sendsCSRF, let csrf { request.setValue(csrf, forHTTPHeaderField: "X-CSRF-Token") }
        let (data, response) = try await session.data(for: request)
        let http = response as! HTTPURLResponse
        var headers: [String: String] = [:]
        for (key, value) in http.allHeaderFields { headers["\(key)"] = "\(value)" }
        return Reply(status: http.statusCode, headers: headers, body: data)
    }

    func get(_ path: String) async throws -> Reply { try await send("GET", path) }

    /// Posts JSON.
    func post(_ path: String, json: [String: Any], csrf sendsCSRF: Bool = true) async throws -> Reply {
        try await send(
            "POST",
            path,
            body: try JSONSerialization.data(withJSONObject: json),
            type: "application/json",
            csrf: sendsCSRF
        )
    }

    /// Signs in with `token`; returns the reply and keeps its cookie and CSRF token.
    @discardableResult
    func login(token: String) async throws -> Reply {
        let reply = try await post("/login", json: ["token": token], csrf: false)
        if reply.status == 200 {
            let setCookie = reply.header("Set-Cookie") ?? ""
            cookie = setCookie.split(separator: ";").first.flatMap {
                $0.split(separator: "=", maxSplits: 1).last.map(String.init)
            }
            csrf = try reply.json([String: String].self)["csrf"]
        }
        return reply
    }
}
