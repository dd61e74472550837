import Foundation
import Testing

@testable import Wire

@Suite struct ClusterSecretTests {
    private let strong = "QExOGBDprccleH4c7bpJFafdls3slzsOMiQPgDiH9I8="

    private func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("wire-secret-\(UUID().uuidString)").path
    }

    @Test func fileSecretsDropTrailingLineBreaks() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data((strong + "\r\n\n").utf8).write(to: URL(fileURLWithPath: path))
        let fromFile = try ClusterSecret(fileAt: path)
        let direct = try ClusterSecret(string: strong)
        #expect(fromFile.byteCount == 44)
        #expect(fromFile.authenticationCode(for: [1, 2]) == direct.authenticationCode(for: [1, 2]))
    }

    @Test func emptyOrMissingSecretsAreRefused() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data("\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: WireError.invalidSecret("secret file \(path) is empty")) { try ClusterSecret(fileAt: path) }
        #expect(throws: WireError.self) { try ClusterSecret(fileAt: path + ".missing") }
        #expect(throws: WireError.self) { try ClusterSecret(string: "") }
        #expect(throws: WireError.self) { try ClusterSecret(environmentVariable: "S", environment: ["S": ""]) }
    }

    @Test func resolvePrefersFlagThenFileThenEnvironment() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (fromFlag, fromFile, fromEnvironment) = (
            "V4bgMsr1MEQCVdnmX7emawvXH8j95MpmJMZKvvRK++g=", "HMW3n5k7b2CJHWS4TQf2QeKdkDp1dxIdMJAMuA9Lys8=",
            "GaBrthpbYmcvTf1r4S4OYrU8Uabq3axJa6+kgyHQZR0="
        )
        try Data((fromFile + "\n").utf8).write(to: URL(fileURLWithPath: path))
        let environment = ["MAPREDUCE_CLUSTER_SECRET": fromEnvironment]
        let probe: [UInt8] = [42]
        func code(_ secret: ClusterSecret) -> [UInt8] { secret.authenticationCode(for: probe) }

        let flag = try ClusterSecret.resolve(flag: fromFlag, file: path, environment: environment)
        #expect(code(flag) == code(try ClusterSecret(string: fromFlag)))
        let file = try ClusterSecret.resolve(flag: nil, file: path, environment: environment)
        #expect(code(file) == code(try ClusterSecret(string: fromFile)))
        let env = try ClusterSecret.resolve(flag: nil, file: nil, environment: environment)
        #expect(code(env) == code(try ClusterSecret(string: fromEnvironment)))
        #expect(throws: WireError.self) { try ClusterSecret.resolve(flag: nil, file: nil, environment: [:]) }
    }

    @Test func randomSecretsSurviveAFileRoundTrip() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let secret = ClusterSecret.random()
        #expect(secret.byteCount == 64)
        try secret.write(toFileAt: path)
        let loaded = try ClusterSecret(fileAt: path)
        #expect(loaded.authenticationCode(for: [7]) == secret.authenticationCode(for: [7]))
        #expect(ClusterSecret.random().authenticationCode(for: [7]) != secret.authenticationCode(for: [7]))
        let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(permissions == 0o600)
    }

    @Test func descriptionsNeverRevealTheSecret() throws {
        let secret = try ClusterSecret(string: strong)
        #expect(!secret.description.contains(strong))
        #expect(!"\(secret)".contains(strong))
    }

    @Test func verificationIsExactAndLengthChecked() throws {
        let secret = try ClusterSecret(string: strong)
        let code = secret.authenticationCode(for: [1, 2, 3])
        #expect(secret.isValidAuthenticationCode(code, for: [1, 2, 3]))
        #expect(!secret.isValidAuthenticationCode(code, for: [1, 2, 4]))
        #expect(!secret.isValidAuthenticationCode(Array(code.dropLast()), for: [1, 2, 3]))
        #expect(!secret.isValidAuthenticationCode([], for: [1, 2, 3]))
    }

    @Test(arguments: [
        "a", "hunter2", "test-cluster-secret", "correct horse battery staple", "deadbeefdeadbeef",
        "AAAAAAAAAAAAAAAAAAAAAAAA",
    ])
    func weakSecretsAreRefusedWithTheRecipe(_ weak: String) throws {
        let error = #expect(throws: WireError.self) { try ClusterSecret(string: weak) }
        let line = error?.description ?? ""
        #expect(line.contains("the secret given on the command line is too weak"))
        #expect(line.contains("head -c 32 /dev/urandom | base64"))
        #expect(!line.contains("\n"))
    }

    @Test func weakSecretErrorsNameTheFileAndTheVariable() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data("a\n".utf8).write(to: URL(fileURLWithPath: path))
        let fromFile = #expect(throws: WireError.self) { try ClusterSecret(fileAt: path) }
        #expect(fromFile?.description.contains("secret file \(path) is too weak") == true)
        #expect(fromFile?.description.contains("head -c 32 /dev/urandom | base64 > \(path)") == true)
        let fromVariable = #expect(throws: WireError.self) {
            try ClusterSecret.resolve(
                flag: nil,
                file: nil,
                environmentVariable: "MR_SECRET",
                environment: ["MR_SECRET": "abcd"]
            )
        }
        #expect(fromVariable?.description.contains("environment variable MR_SECRET is too weak") == true)
    }

    @Test func strongSecretsOfEveryAcceptedFormPass() throws {
        #expect(throws: Never.self) { try ClusterSecret(string: "3f9c2a1b7d4e8f60a5b1c2d3e4f5061728394a5b6c7d8e9f") }
        #expect(throws: Never.self) { try ClusterSecret(string: "HnDkIPQy3y5C9ssKGk2PDQ0sZrAhEu7KzHbGkuw4Ths=") }
        let binary = (0..<32).map { UInt8(0x80 + $0 * 3) }
        #expect(throws: Never.self) { try ClusterSecret(bytes: binary) }
        #expect(throws: WireError.self) { try ClusterSecret(bytes: Array(binary.prefix(20))) }
        #expect(throws: Never.self) {
            try ClusterSecret(
                string: "7R4d2IrwatEytTr9vtfM3pcY8q8qS0BFCxKKywQFc/lnJDvtM52rJYtDVAYwgriEEN65SQJb3b/u\n7Nl7zEMCWQ=="
            )
        }
    }
}
