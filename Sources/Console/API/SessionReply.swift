/// The body of `GET /api/v1/session`.
struct SessionReply: Encodable {
    /// Whether the request's cookie names a live session.
    let signedIn: Bool
    /// The session's CSRF token, or empty.
    let csrf: String
    /// Whether reading needs a session too.
    let loginRequiredToRead: Bool
}
