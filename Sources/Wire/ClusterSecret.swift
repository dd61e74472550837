import Crypto
import Foundation

/// The shared secret that every daemon and client of one cluster holds, used to authenticate
/// connections with HMAC-SHA256.
///
/// The secret is whatever bytes it was given; a secret file's trailing line break is dropped so
/// that `echo secret > file` works. A secret weaker than 128 bits is refused (see
/// ``SecretStrength``), with an error that names where it came from and how to make a good one:
/// `head -c 32 /dev/urandom | base64`. The secret never appears in descriptions or logs.
public struct ClusterSecret: Sendable, CustomStringConvertible {
    /// The environment variable consulted by ``resolve(flag:file:environmentVariable:environment:)``.
    public static let defaultEnvironmentVariable = "MAPREDUCE_CLUSTER_SECRET"

    private let bytes: [UInt8]

    /// The number of bytes in the secret.
    public var byteCount: Int {
        bytes.count
    }

    /// Creates a secret from raw bytes, refusing an empty or weak one.
    public init(bytes: some Collection<UInt8>) throws {
        try self.init(bytes: Array(bytes), source: "the secret")
    }

    /// Creates a secret from the UTF-8 bytes of a string, such as a command-line flag's value.
    public init(string: String) throws {
        try self.init(bytes: Array(string.utf8), source: "the secret given on the command line")
    }

    /// Creates a secret from `bytes`, naming `source` (and, for a file, `path`) when refusing it.
    private init(bytes: [UInt8], source: String, path: String? = nil) throws {
        guard !bytes.isEmpty else {
            throw WireError.invalidSecret("\(source) is empty")
        }
        if let weakness = SecretStrength.weakness(of: bytes) {
            let target = path.map { " > \($0)" } ?? ""
            throw WireError.invalidSecret(
                "\(source) is too weak: \(weakness); a cluster secret needs at least 128 random bits, "
                    + "written as base64 or hexadecimal text; make one with: \(SecretStrength.recipe)\(target)"
            )
        }
        self.bytes = bytes
    }

    /// Loads a secret from a file, dropping trailing line breaks and refusing an empty or weak result.
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
        try self.init(bytes: bytes, source: "secret file \(path)", path: path)
    }

    /// Loads a secret from an environment variable, returning `nil` when it is unset.
    public init?(
        environmentVariable name: String,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws {
        guard let value = environment[name] else {
            return nil
        }
        try self.init(bytes: Array(value.utf8), source: "environment variable \(name)")
    }

    /// Picks the secret from a flag value, else a file, else an environment variable.
    ///
    /// Throws ``WireError/invalidSecret(_:)`` when none of them is given or the chosen one is empty or weak.
    public static func resolve(
        flag: String?,
        file: String?,
        environmentVariable: String = defaultEnvironmentVariable,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> ClusterSecret {
        if let flag {
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
        guard
            FileManager.default.createFile(
                atPath: path,
                contents: Data(bytes + [UInt8(ascii: "\n")]),
                attributes: [.posixPermissions: 0o600]
            )
        else {
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

    /// Derives a 256-bit key with HKDF-SHA256, the secret being the input key material.
    func derivedKey(salt: [UInt8], info: [UInt8]) -> SymmetricKey {
        HKDF<SHA256>.deriveKey(inputKeyMaterial: SymmetricKey(data: bytes), salt: salt, info: info, outputByteCount: 32)
    }

    private init(validBytes: [UInt8]) {
        bytes = validBytes
    }
}
