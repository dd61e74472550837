import Foundation
import TestSupport
import Testing

/// `mrsubmit --console`: the embedded cluster's console is served during the job and stays up
/// after it until the process is told to stop.
struct EmbeddedConsoleTests {
    @Test func theEmbeddedClusterStaysUpWithItsConsoleAfterTheJob() async throws {
        let work = try TemporaryDirectory("embedded-console")
        let process = try Daemon(
            ConsoleCluster.binaries + "/mrsubmit",
            [
                "wordcount", SharedData.books + "/pg84.txt", "-o", work.file("out"), "--console", "--console-port", "0",
                "--quiet",
            ],
            logPath: work.file("mrsubmit.log")
        )
        var address = ""
        var token = ""
        let started = Daemon.wait(seconds: 60) {
            let log = process.log
            guard log.contains("press Ctrl-C"),
                let line = log.split(separator: "\n").first(where: { $0.hasPrefix("console: http") })
            else { return false }
            let parts = line.split(separator: " ")
            address = String(parts[1]).trimmingCharacters(in: CharacterSet(charactersIn: "/"))
            token = String(parts.last!)
            return true
        }
        #expect(started, "\(process.log)")
        #expect(FileManager.default.fileExists(atPath: work.file("out/_SUCCESS")))
        let client = HTTPClient(base: address)
        let jobs = try JSONSerialization.jsonObject(with: try await client.get("/api/v1/jobs").body) as? [[String: Any]]
        #expect(jobs?.count == 1 && jobs?.first?["state"] as? String == "succeeded")
        #expect(try await client.login(token: token).status == 200)
        process.stop()
        #expect(
            process.process.terminationReason == .exit && process.process.terminationStatus == 0,
            "SIGTERM ends it cleanly"
        )
    }
}
