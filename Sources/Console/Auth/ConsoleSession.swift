import Foundation

/// A signed-in browser: the id in its session cookie and the CSRF token its POSTs must carry.
struct ConsoleSession: Sendable {
    /// The cookie's value: 32 random hexadecimal digits.
    let id: String
    /// The token a state-changing request must send in the `X-CSRF-Token` header or `csrf` form field.
    let csrf: String
    /// When the session stops being accepted.
    let expires: Date

    /// A new session valid for `lifetime`.
    init(lifetime: TimeInterval) {
        id = Self.randomHex(bytes: 16)
        csrf = Self.randomHex(bytes: 16)
        expires = Date().addingTimeInterval(lifetime)
    }

    private static func randomHex(bytes: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<bytes).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }
}
