import Foundation
import TestSupport
import Testing

/// The JobTracker's HTTP port closes half-sent requests after the header timeout and serves only
/// as many connections as its descriptors allow, so a flood of them never keeps trackers and
/// clients off the cluster port; and the console refuses host names it was not given.
@Suite(.serialized)
struct HTTPConnectionLimitTests {
    @Test func halfSentRequestsAreClosedWhileTheClusterPortKeepsAccepting() throws {
        let binaries = ClusterProcessTests.binaries
        let directory = try TemporaryDirectory("http-flood")
        let port = try Daemon.freePort()
        let secret = try directory.write("secret", "uTf2sJ0qgB8xHn4ZyV1rLc6wQe3Pk7Md9Ya5Xb2NsGo=\n")
        let jobtracker = try Daemon(
            "/bin/sh",
            [
                "-c", "ulimit -n 160 && exec \"$0\" \"$@\"", binaries + "/jobtracker", "--host", "127.0.0.1", "--port",
                "\(port)",
                "--http-port", "0", "--data-dir", directory.file("jt"), "--secret-file", secret, "--heartbeat-interval",
                "0.2",
                "--console-header-timeout", "1",
            ],
            logPath: directory.file("jobtracker.log")
        )
        #expect(Daemon.wait(seconds: 15) { jobtracker.log.contains("HTTP listening") }, "\(jobtracker.log)")
        let http = try ClusterDrainTests().httpPort(of: jobtracker)

        let flood = try (0..<200).map { _ in
            let connection = try RawConnection(host: "127.0.0.1", port: http)
            try connection.send("GET /api/v1/jobs HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            return connection
        }
        let tracker = try Daemon(
            binaries + "/tasktracker",
            [
                "--jobtracker", "127.0.0.1:\(port)", "--host", "127.0.0.2", "--shuffle-port", "0", "--http-port", "0",
                "--slots", "1",
                "--work-dir", directory.file("tt"), "--secret-file", secret,
            ],
            logPath: directory.file("tasktracker.log")
        )
        #expect(
            Daemon.wait(seconds: 15) { jobtracker.log.contains("tracker registered") },
            "\(jobtracker.log.suffix(3000))"
        )
        let list = try ProcessOutput.run(
            binaries + "/mrsubmit",
            ["list", "--cluster", "127.0.0.1:\(port)", "--secret-file", secret],
            in: directory.path,
            timeout: 30
        )
        #expect(list.status == 0, "\(list.standardError)")

        let closed = Daemon.wait(seconds: 30) { flood.allSatisfy(\.isClosedByPeer) }
        #expect(closed, "\(flood.count { !$0.isClosedByPeer }) of 200 half-sent requests are still open")
        #expect(HTTPProbe.get(host: "127.0.0.1", port: http, path: "/api/v1/trackers").status == 200)

        let rebound = try RawConnection(host: "127.0.0.1", port: http)
        try rebound.send("GET /api/v1/jobs HTTP/1.1\r\nHost: attacker.example:\(http)\r\nConnection: close\r\n\r\n")
        #expect(rebound.readToEnd().hasPrefix("HTTP/1.1 421"))
        let probe = try RawConnection(host: "127.0.0.1", port: http)
        try probe.send("GET /healthz HTTP/1.1\r\nHost: 10.1.2.3:\(http)\r\nConnection: close\r\n\r\n")
        #expect(probe.readToEnd().hasPrefix("HTTP/1.1 200"))
        withExtendedLifetime(tracker) {}
    }
}
