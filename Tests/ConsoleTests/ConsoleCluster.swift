import Foundation
import TestSupport

/// A JobTracker with its console and two TaskTrackers as separate processes on 127.0.0.x, for
/// tests that talk HTTP to the console as a browser or a script would.
final class ConsoleCluster: @unchecked Sendable {
    static let binaries = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path
    static let secret = "V4bgMsr1MEQCVdnmX7emawvXH8j95MpmJMZKvvRK++g="

    let directory: TemporaryDirectory
    let port: Int
    let httpPort: Int
    let secretFile: String
    let dataDirectory: String
    /// The console's address, `http://HOST:PORT`.
    let base: String
    private var daemons: [Daemon] = []

    /// Starts the cluster with the console bound to `httpHost`; `extra` adds jobtracker options.
    init(httpHost: String = "127.0.0.1", extra: [String] = []) throws {
        directory = try TemporaryDirectory("console")
        port = try Daemon.freePort()
        httpPort = try Daemon.freePort()
        secretFile = try directory.write("secret", Self.secret + "\n")
        dataDirectory = directory.file("jt")
        base = "http://\(httpHost):\(httpPort)"
        daemons.append(
            try Daemon(
                Self.binaries + "/jobtracker",
                [
                    "--host", httpHost, "--port", "\(port)", "--http-port", "\(httpPort)", "--data-dir", dataDirectory,
                    "--secret-file", secretFile, "--heartbeat-interval", "0.2", "--log-level", "info",
                ] + extra,
                logPath: directory.file("jobtracker.log")
            )
        )
        for index in 0..<2 {
            daemons.append(
                try Daemon(
                    Self.binaries + "/tasktracker",
                    [
                        "--jobtracker", "\(httpHost):\(port)", "--host", "127.0.0.\(index + 3)", "--shuffle-port", "0",
                        "--slots", "2", "--http-port", "0", "--work-dir", directory.file("tt\(index)"), "--secret-file",
                        secretFile,
                    ],
                    logPath: directory.file("tasktracker\(index).log")
                )
            )
        }
        let ready = Daemon.wait(seconds: 20) {
            let log = self.jobTrackerLog
            return log.contains("HTTP listening") && log.components(separatedBy: "tracker registered").count - 1 >= 2
        }
        guard ready else { throw OracleError(message: "the cluster did not start:\n\(jobTrackerLog)") }
    }

    deinit {
        for daemon in daemons.reversed() { daemon.stop() }
    }

    /// The JobTracker's log so far.
    var jobTrackerLog: String { daemons[0].log }

    /// The JobTracker's peak resident memory so far, in bytes (`VmHWM` of `/proc/PID/status`).
    var jobTrackerPeakMemory: Int {
        let status =
            (try? String(contentsOfFile: "/proc/\(daemons[0].process.processIdentifier)/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") } ?? ""
        return (Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0) * 1024
    }

    /// The console token as `mrsubmit console-token` prints it.
    func token() throws -> String {
        let output = try ProcessOutput.run(Self.binaries + "/mrsubmit", ["console-token", "--secret-file", secretFile])
        return output.text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Runs `mrsubmit` against this cluster in `directory`.
    func mrsubmit(_ arguments: [String], in directory: String) throws -> ProcessOutput {
        try ProcessOutput.run(
            Self.binaries + "/mrsubmit",
            arguments + ["--cluster", "127.0.0.1:\(port)", "--secret-file", secretFile],
            in: directory
        )
    }

    /// A client of the console, signed in unless `signedIn` is false.
    func client(signedIn: Bool = true) async throws -> HTTPClient {
        let client = HTTPClient(base: base)
        if signedIn {
            let reply = try await client.login(token: try token())
            guard reply.status == 200 else { throw OracleError(message: "login failed: \(reply.status) \(reply.text)") }
        }
        return client
    }

    /// Polls a job through the API until it leaves `running`; returns its final detail.
    func waitForEnd(of job: String, with client: HTTPClient, seconds: Double = 120) async throws -> [String: Any] {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let reply = try await client.get("/api/v1/jobs/\(job)")
            if let object = try JSONSerialization.jsonObject(with: reply.body) as? [String: Any],
                let report = object["report"] as? [String: Any], let state = report["state"] as? String,
                state != "running"
            {
                return report
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw OracleError(message: "job \(job) did not end in \(seconds) s")
    }
}
