import Foundation
import Testing

@testable import Wire

@Suite struct ClusterSecretTests {
    private func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("wire-secret-\(UUID().uuidString)").path
    }

    @Test func fileSecretsDropTrailingLineBreaks() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data("s3cret\r\n\n".utf8).write(to: URL(fileURLWithPath: path))
        let fromFile = try ClusterSecret(fileAt: path)
        let direct = try ClusterSecret(string: "s3cret")
        #expect(fromFile.byteCount == 6)
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
        try Data("from-file\n".utf8).write(to: URL(fileURLWithPath: path))
        let environment = ["MAPREDUCE_CLUSTER_SECRET": "from-env"]
        let probe: [UInt8] = [42]
        func code(_ secret: ClusterSecret) -> [UInt8] { secret.authenticationCode(for: probe) }

        let flag = try ClusterSecret.resolve(flag: "from-flag", file: path, environment: environment)
        #expect(code(flag) == code(try ClusterSecret(string: "from-flag")))
        let file = try ClusterSecret.resolve(flag: nil, file: path, environment: environment)
        #expect(code(file) == code(try ClusterSecret(string: "from-file")))
        let env = try ClusterSecret.resolve(flag: nil, file: nil, environment: environment)
        #expect(code(env) == code(try ClusterSecret(string: "from-env")))
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
        let secret = try ClusterSecret(string: "hunter2")
        #expect(!secret.description.contains("hunter2"))
        #expect(!"\(secret)".contains("hunter2"))
    }

    @Test func verificationIsExactAndLengthChecked() throws {
        let secret = try ClusterSecret(string: "k")
        let code = secret.authenticationCode(for: [1, 2, 3])
        #expect(secret.isValidAuthenticationCode(code, for: [1, 2, 3]))
        #expect(!secret.isValidAuthenticationCode(code, for: [1, 2, 4]))
        #expect(!secret.isValidAuthenticationCode(Array(code.dropLast()), for: [1, 2, 3]))
        #expect(!secret.isValidAuthenticationCode([], for: [1, 2, 3]))
    }
}
