import Wire

/// How the console behaves: its login token, whether reading needs a login, where uploads go
/// and how large they may be, and which `Host` headers it answers.
public struct ConsoleConfiguration: Sendable {
    /// The JobTracker's data directory; uploads go under `console/uploads/`, and jobs may
    /// read files under `inputs/`.
    public var dataDirectory: String
    /// The token that `POST /login` accepts, derived from the cluster secret.
    public var token: String
    /// Whether reading pages and the API needs a session as well (always true off loopback).
    public var requiresLoginToRead: Bool
    /// The largest upload accepted, in bytes (default 64 MiB).
    public var uploadLimit: Int64
    /// The `Host` headers answered: `localhost`, the bound address and `--console-host` names.
    public var allowedHosts: AllowedHosts

    /// The default upload limit: 64 MiB.
    public static let defaultUploadLimit: Int64 = 64 << 20
    /// The purpose string of the console token derived from the cluster secret.
    public static let tokenPurpose = "console-token"

    /// The console token of a cluster: HMAC-SHA256(secret, "console-token") in hexadecimal.
    public static func token(for secret: ClusterSecret) -> String {
        secret.derivedToken(for: tokenPurpose)
    }

    /// Creates a configuration.
    public init(
        dataDirectory: String,
        token: String,
        requiresLoginToRead: Bool,
        uploadLimit: Int64 = defaultUploadLimit,
        allowedHosts: AllowedHosts = AllowedHosts(bindHost: "127.0.0.1")
    ) {
        self.dataDirectory = dataDirectory
        self.token = token
        self.requiresLoginToRead = requiresLoginToRead
        self.uploadLimit = uploadLimit
        self.allowedHosts = allowedHosts
    }
}
