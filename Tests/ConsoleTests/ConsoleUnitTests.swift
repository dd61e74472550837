import Cluster
import Foundation
import Logging
import Testing
import Wire

@testable import Console

/// The console's pure parts: escaping, name checks, the log ring and filter, token derivation, charts.
struct ConsoleUnitTests {
    @Test func escapingCoversEveryCharacterThatOpensMarkupOrAnAttribute() {
        #expect(
            HTML.escape("<img src=x onerror=\"alert('1')\">&")
                == "&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;"
        )
        #expect(HTML.escape("plain words") == "plain words")
    }

    @Test func uploadNamesMustBePlainNames() throws {
        #expect(try UploadName.check("scan 1.tif") == "scan 1.tif")
        #expect(try UploadName.check("<img src=x onerror=alert(1)>.tif") == "<img src=x onerror=alert(1)>.tif")
        for name in [
            "", "..", "../a", "a/b", "/etc/passwd", ".hidden", "a\\b", "tab\there", String(repeating: "a", count: 201),
        ] {
            #expect(throws: (any Error).self, "\(name)") { try UploadName.check(name) }
        }
        #expect(Upload.isValidID("0123456789abcdef"))
        #expect(
            !Upload.isValidID("0123456789abcdeg") && !Upload.isValidID("../../etc")
                && !Upload.isValidID("0123456789ABCDEF")
        )
    }

    @Test func theRingKeepsTheNewestLinesInOrder() {
        let ring = LogRing(capacity: 3)
        for index in 0..<5 {
            ring.append(
                LogRecord(
                    time: Double(index),
                    level: index % 2 == 0 ? "info" : "error",
                    source: "t",
                    job: "",
                    message: "\(index)"
                )
            )
        }
        #expect(ring.recent(limit: 10).map(\.message) == ["2", "3", "4"])
        #expect(ring.recent(limit: 2).map(\.message) == ["3", "4"])
        #expect(ring.recent(limit: 10, where: LogFilter(level: "warning").matches).map(\.message) == ["3"])
    }

    @Test func forwardedLinesCarryTheirJobAndSource() {
        let ring = LogRing(capacity: 10)
        var logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        logger.logLevel = .critical
        logger = logger.forwarding(source: "tracker-9", to: ring.append)
        logger.info("attempt started", metadata: ["attempt": "attempt_20261127000000_0007_m_000001_0"])
        logger.debug("below the forwarding level")
        let lines = ring.recent(limit: 10)
        #expect(lines.count == 1)
        #expect(lines.first?.job == "job_20261127000000_0007")
        #expect(lines.first?.source == "tracker-9")
        #expect(lines.first?.message.hasPrefix("attempt started attempt=") == true)
    }

    @Test func theConsoleTokenIsAnHMACOfTheSecret() throws {
        let secret = try ClusterSecret(string: "V4bgMsr1MEQCVdnmX7emawvXH8j95MpmJMZKvvRK++g=")
        #expect(
            ConsoleConfiguration.token(for: secret)
                == "\(secret.derivedToken(for: "console-token"))"
        )
        #expect(ConsoleConfiguration.token(for: secret).count == 64)
        #expect(
            secret.derivedToken(for: "The quick brown fox jumps over the lazy dog")
                == "ecee2df220b8d3b7abe836363157810e2f19729c634901238777d9cfd2688023"
        )
        #expect(
            ConsoleAuth.requiresLogin(forBindHost: "127.0.0.2") && ConsoleAuth.requiresLogin(forBindHost: "0.0.0.0")
        )
        #expect(!ConsoleAuth.requiresLogin(forBindHost: "127.0.0.1") && !ConsoleAuth.requiresLogin(forBindHost: "::1"))
    }

    @Test func aHistogramChartHasOneBarPerNonEmptyBin() {
        var bins = [Int](repeating: 0, count: 256)
        bins[0] = 5
        bins[255] = 10
        let svg = SVGHistogram(bins: bins, title: "t<").render()
        #expect(svg.hasPrefix("<svg") && svg.contains("t&lt;"))
        #expect(svg.components(separatedBy: "z").count - 1 == 2)
    }
}
