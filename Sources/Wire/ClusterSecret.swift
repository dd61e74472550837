import Crypto
import Foundation

/// The shared secret that every daemon and client of one cluster holds, used to authenticate
/// connections with HMAC-SHA256.
///
/// The secret is whatever bytes it was given; a secret file's trailing line break is dropped so
/// that `echo secret > file` works. An empty secret is refused. The secret never appears in
/// descriptions or logs.
public struct ClusterSecret: Sendable, CustomStringConvertible {
    /// The environment variable consulted by ``resolve(flag:file:environmentVariable:environment:)``.
    public static let defaultEnvironmentVariable = "MAPREDUCE_CLUSTER_SECRET"

    private let bytes: [UInt8]

    /// The number of bytes in the secret.
    public var byteCount: Int {
        bytes.count
    }

    /// Creates a secret from raw bytes, refusing an empty one.
    public init(bytes: some Collection<UInt8>) throws {
        guard !bytes.isEmpty else {
            throw WireError.invalidSecret("the secret is empty")
        }
        self.bytes = Array(bytes)
    }

    /// Creates a secret from the UTF-8 bytes of a string, such as a command-line flag's value.
    public init(string: String) throws {
        try self.init(bytes: Array(string.utf8))
    }

    /// Loads a secret from a file, dropping trailing line breaks and refusing an empty result.
    public init(fileAt path: String) throws {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw WireError.invalidSecret("cannot read secret file \(path)")
        }
        var bytes = [UInt8](data)
        while let last = bytes.last, last == UInt8(ascii: "\n") || last == UInt8(ascii: "\r") {
            bytes.removeLast()
        }
        guard !bytes.isEmpty else {
            throw WireError.invalidSecret("secret file \(path) is empty")
        }
        try self.init(bytes: bytes)
    }

    /// Loads a secret from an environment variable, returning `nil` when it is unset.
    public init?(environmentVariable name: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard let value = environment[name] else {
            return nil
        }
        guard !value.isEmpty else {
            throw WireError.invalidSecret("environment variable \(name) is empty")
        }
        try self.init(string: value)
    }

    /// Picks the secret from a flag value, else a file, else an environment variable.
    ///
    /// Throws ``WireError/invalidSecret(_:)`` when none of them is given or the chosen one is empty.
    public static func resolve(
        flag: String?,
        file: String?,
        environmentVariable: String = defaultEnvironmentVariable,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> ClusterSecret {
        if let flag {
            guard !flag.isEmpty else {
                throw WireError.invalidSecret("the secret given on the command line is empty")
            }
            return try ClusterSecret(string: flag)
        }
        if let file {
            return try ClusterSecret(fileAt: file)
        }
        if let secret = try ClusterSecret(environmentVariable: environmentVariable, environment: environment) {
            return secret
        }
        throw WireError.invalidSecret(
            "no cluster secret configured: give a secret or a secret file, or set \(environmentVariable)"
        )
    }

    /// Generates a new secret of 64 hexadecimal characters (256 random bits).
    ///
    /// The secret is text, so writing it to a file with ``write(toFileAt:)`` and loading it back
    /// with ``init(fileAt:)`` yields the same secret.
    public static func random() -> ClusterSecret {
        var generator = SystemRandomNumberGenerator()
        let text = (0..<32).map { _ in
            let byte = UInt8.random(in: .min ... .max, using: &generator)
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
        return ClusterSecret(validBytes: Array(text.utf8))
    }

    /// Writes the secret to a new file readable by its owner only, followed by a line break.
    public func write(toFileAt path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes + [UInt8(ascii: "\n")]), attributes: [.posixPermissions: 0o600]) else {
            throw WireError.invalidSecret("cannot write secret file \(path)")
        }
    }

    /// A description that never reveals the secret.
    public var description: String {
        "ClusterSecret(\(byteCount) bytes, redacted)"
    }

    /// Computes HMAC-SHA256 of `data` under this secret.
    func authenticationCode(for data: [UInt8]) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: data, using: SymmetricKey(data: bytes)))
    }

    /// Checks in constant time that `code` is HMAC-SHA256 of `data` under this secret.
    func isValidAuthenticationCode(_ code: [UInt8], for data: [UInt8]) -> Bool {
        HMAC<SHA256>.isValidAuthenticationCode(code, authenticating: data, using: SymmetricKey(data: bytes))
    }

    private init(validBytes: [UInt8]) {
        bytes = validBytes
    }
}
