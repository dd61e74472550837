import Foundation
import TestSupport
import Testing

/// `scripts/compose-cluster-test` must not pass when it could not run: under `CI=true` a Docker
/// engine that does not start fails it, unless `MR_SKIP_COMPOSE=1` skips it on purpose.
struct ComposeScriptTests {
    /// Runs the script with a Docker daemon that exits at once.
    func run(_ variables: [String: String]) throws -> ProcessOutput {
        let inherited = ProcessInfo.processInfo.environment
        var environment = [
            "PATH": inherited["PATH"] ?? "/usr/bin:/bin", "HOME": inherited["HOME"] ?? "/tmp",
            "MR_DOCKERD": "/bin/false",
        ]
        environment.merge(variables) { $1 }
        return try ProcessOutput.run(
            SharedData.repositoryRoot + "/scripts/compose-cluster-test",
            [],
            in: SharedData.repositoryRoot,
            environment: environment,
            timeout: 120
        )
    }

    @Test func underCIADockerEngineThatDoesNotStartFailsTheTest() throws {
        let failed = try run(["CI": "true"])
        #expect(failed.status != 0, "\(failed.standardError)")
        #expect(failed.standardError.contains("compose-cluster-test: FAILED: "), "\(failed.standardError)")
        #expect(failed.standardError.contains("set MR_SKIP_COMPOSE=1 to skip it on purpose"), "\(failed.standardError)")
    }

    @Test func skippingOnPurposeOrOutsideCIPassesLoudly() throws {
        let skipped = try run(["CI": "true", "MR_SKIP_COMPOSE": "1"])
        #expect(skipped.status == 0, "\(skipped.standardError)")
        #expect(
            skipped.standardError.contains("compose-cluster-test SKIPPED: MR_SKIP_COMPOSE=1"),
            "\(skipped.standardError)"
        )
        let local = try run([:])
        #expect(local.status == 0, "\(local.standardError)")
        #expect(
            local.standardError.contains("The Compose cluster was NOT tested on this machine"),
            "\(local.standardError)"
        )
    }
}
