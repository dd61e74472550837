import Foundation
import Synchronization

/// The job author's example package under `examples/indexer`, built once per test process with
/// `swift build --static-swift-stdlib` against this checkout, as its README says.
public enum ExamplePackage {
    /// The package's directory.
    public static var directory: String { SharedData.repositoryRoot + "/examples/indexer" }

    private static let built = Mutex<Result<String, OracleError>?>(nil)

    /// The `indexer` executable, built first if this process has not built it yet.
    public static func indexer() throws -> String {
        try built.withLock { result in
            if result == nil { result = build() }
            return try result!.get()
        }
    }

    private static func build() -> Result<String, OracleError> {
        let swift = ProcessInfo.processInfo.environment["SWIFT_EXEC_PATH"] ?? "/usr/bin/env"
        let prefix = swift == "/usr/bin/env" ? ["swift"] : []
        do {
            let output = try ProcessOutput.run(
                swift,
                prefix + ["build", "--static-swift-stdlib", "--package-path", directory],
                timeout: 3600
            )
            guard output.status == 0 else {
                return .failure(
                    OracleError(message: "examples/indexer did not build:\n\(output.text)\(output.standardError)")
                )
            }
            let path = directory + "/.build/debug/indexer"
            guard FileManager.default.isExecutableFile(atPath: path) else {
                return .failure(OracleError(message: "examples/indexer built no \(path)"))
            }
            return .success(path)
        } catch {
            return .failure(OracleError(message: "cannot run swift build: \(error)"))
        }
    }
}
