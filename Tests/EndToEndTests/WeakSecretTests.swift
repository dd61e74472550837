import Foundation
import TestSupport
import Testing

/// Daemons and the client refuse a secret weaker than 128 bits with one line that names where
/// it came from and how to make a good one.
struct WeakSecretTests {
    static let recipe = "head -c 32 /dev/urandom | base64"

    func refusal(_ output: ProcessOutput) -> [Substring] {
        output.standardError.split(separator: "\n").filter { $0.contains("too weak") }
    }

    @Test func aWeakSecretFileStopsEveryProgramWithOneClearLine() throws {
        let directory = try TemporaryDirectory("weak-secret")
        let weak = try directory.write("secret", "a\n")
        let binaries = ClusterProcessTests.binaries
        let runs = [
            try ProcessOutput.run(
                binaries + "/jobtracker",
                [
                    "--host", "127.0.0.1", "--port", "\(try Daemon.freePort())", "--http-port", "0", "--data-dir",
                    directory.file("jt"),
                    "--secret-file", weak,
                ],
                timeout: 30
            ),
            try ProcessOutput.run(
                binaries + "/tasktracker",
                [
                    "--jobtracker", "127.0.0.1:1", "--host", "127.0.0.2", "--shuffle-port", "0", "--http-port", "0",
                    "--work-dir", directory.file("tt"), "--secret-file", weak,
                ],
                timeout: 30
            ),
            try ProcessOutput.run(
                binaries + "/mrsubmit",
                ["list", "--cluster", "127.0.0.1:1", "--secret-file", weak],
                timeout: 30
            ),
        ]
        for output in runs {
            #expect(output.status != 0)
            let lines = refusal(output)
            #expect(lines.count == 1, "\(output.standardError)")
            #expect(lines.first?.contains("secret file \(weak) is too weak") == true, "\(output.standardError)")
            #expect(lines.first?.contains("\(Self.recipe) > \(weak)") == true, "\(output.standardError)")
        }
    }

    @Test func aWeakSecretInTheEnvironmentIsNamed() throws {
        var environment = ProcessInfo.processInfo.environment
        environment["MR_SECRET"] = "hunter2"
        environment["MR_SECRET_FILE"] = nil
        let output = try ProcessOutput.run(
            ClusterProcessTests.binaries + "/mrsubmit",
            ["list", "--cluster", "127.0.0.1:1"],
            environment: environment,
            timeout: 30
        )
        #expect(output.status != 0)
        let lines = refusal(output)
        #expect(
            lines.count == 1 && lines[0].contains("environment variable MR_SECRET is too weak"),
            "\(output.standardError)"
        )
        #expect(lines.first?.contains(Self.recipe) == true)
    }
}
