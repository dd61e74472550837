extension ClusterSecret {
    /// A token derived from the secret for one purpose: HMAC-SHA256(secret, purpose) in lowercase
    /// hexadecimal. It proves knowledge of the secret without revealing it; the console's login
    /// token is `derivedToken(for: "console-token")`.
    public func derivedToken(for purpose: String) -> String {
        authenticationCode(for: Array(purpose.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
