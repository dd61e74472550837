import Hummingbird

/// Header names the console uses that `HTTPTypes` does not predefine.
enum HeaderNames {
    /// The header that carries a session's CSRF token on state-changing requests.
    static let csrfToken = HTTPFields.Element.Name("X-CSRF-Token")!
    /// `X-Content-Type-Options`, set to `nosniff` on everything the console serves.
    static let contentTypeOptions = HTTPFields.Element.Name("X-Content-Type-Options")!
    /// `X-Total-Count`: how many rows a paginated list has in all, beside the page in the body.
    static let totalCount = HTTPFields.Element.Name("X-Total-Count")!
}
