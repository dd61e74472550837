import Foundation
import Hummingbird
import Synchronization

/// Who may use the console: reading needs nothing on a loopback bind (unless login is required),
/// and every state change needs a session, obtained with the console token at `POST /login`,
/// plus the session's CSRF token.
public final class ConsoleAuth: Sendable {
    /// The name of the session cookie.
    static let cookieName = "mr_session"
    /// How long a session lasts.
    static let sessionLifetime: TimeInterval = 12 * 3600
    /// The most sessions kept; the oldest is dropped past it.
    static let sessionLimit = 1000

    private let token: String
    /// Whether reading pages and the API needs a session too.
    public let requiresLoginToRead: Bool
    private let sessions = Mutex([String: ConsoleSession]())

    /// Checks logins against `token`; `requiresLoginToRead` when the console is not only on loopback.
    public init(token: String, requiresLoginToRead: Bool) {
        self.token = token
        self.requiresLoginToRead = requiresLoginToRead
    }

    /// Whether a console bound to `host` must ask for a login to read: any address but
    /// `127.0.0.1`, `::1` or `localhost` does.
    public static func requiresLogin(forBindHost host: String) -> Bool {
        !["127.0.0.1", "::1", "localhost"].contains(host)
    }

    /// Starts a session when `candidate` is the console token.
    func login(with candidate: String) -> ConsoleSession? {
        guard Self.constantTimeEqual(Array(candidate.utf8), Array(token.utf8)) else { return nil }
        let session = ConsoleSession(lifetime: Self.sessionLifetime)
        sessions.withLock { sessions in
            let now = Date()
            sessions = sessions.filter { $0.value.expires > now }
            if sessions.count >= Self.sessionLimit, let oldest = sessions.values.min(by: { $0.expires < $1.expires }) {
                sessions[oldest.id] = nil
            }
            sessions[session.id] = session
        }
        return session
    }

    /// Ends the request's session.
    func logout(_ request: Request) {
        guard let id = request.cookies[Self.cookieName]?.value else { return }
        sessions.withLock { _ = $0.removeValue(forKey: id) }
    }

    /// The request's live session, if its cookie names one.
    func session(of request: Request) -> ConsoleSession? {
        guard let id = request.cookies[Self.cookieName]?.value else { return nil }
        return sessions.withLock { sessions in
            guard let session = sessions[id], session.expires > Date() else { return nil }
            return session
        }
    }

    /// Whether the request may read pages and the API.
    func mayRead(_ request: Request) -> Bool {
        !requiresLoginToRead || session(of: request) != nil
    }

    /// The session of a state-changing request whose CSRF token (header, or `csrfField` from a
    /// form) matches; throws 401 without a session and 403 without the right token.
    func requireChange(_ request: Request, csrfField: String? = nil) throws -> ConsoleSession {
        guard let session = session(of: request) else {
            throw HTTPError(.unauthorized, message: "sign in with the console token first (POST /login)")
        }
        let sent = request.headers[HeaderNames.csrfToken] ?? csrfField ?? ""
        guard Self.constantTimeEqual(Array(sent.utf8), Array(session.csrf.utf8)) else {
            throw HTTPError(.forbidden, message: "missing or wrong CSRF token")
        }
        return session
    }

    /// The session cookie for `session`: HttpOnly, SameSite=Strict, for the whole site.
    static func cookie(for session: ConsoleSession) -> Cookie {
        Cookie(
            name: cookieName,
            value: session.id,
            maxAge: Int(sessionLifetime),
            path: "/",
            httpOnly: true,
            sameSite: .strict
        )
    }

    private static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
