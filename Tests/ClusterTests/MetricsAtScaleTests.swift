import Foundation
import Logging
import Prometheus
import TestSupport
import Testing
import Wire

@testable import Cluster

/// The JobTracker's `/metrics` stays the same size however many trackers register: no metric
/// has a label set per tracker or per task.
struct MetricsAtScaleTests {
    /// The Prometheus exposition of a JobTracker after `count` trackers registered and each sent
    /// a heartbeat.
    func exposition(trackers count: Int) async throws -> String {
        let directory = try TemporaryDirectory("metrics-at-scale")
        let registry = PrometheusCollectorRegistry()
        let tracker = try JobTracker(
            configuration: JobTrackerConfiguration(
                host: "127.0.0.1",
                port: 0,
                dataDirectory: directory.file("jt"),
                secret: ClusterSecret.random(),
                metricsFactory: PrometheusMetricsFactory(registry: registry)
            ),
            logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        )
        for index in 0..<count {
            let id = "tracker-\(index)"
            _ = await tracker.register(
                RegisterTrackerRequest(
                    tracker: id,
                    host: "127.0.0.2",
                    shufflePort: 1000 + index,
                    slots: 2,
                    probe: FileSystemProbe(path: directory.file("probe"), token: "t")
                )
            )
            _ = try await tracker.heartbeat(
                HeartbeatRequest(tracker: id, freeSlots: 2, acceptsTasks: true, reports: []),
                holdingFrom: .now - .seconds(60)
            )
        }
        return registry.emitToString()
    }

    @Test func theExpositionDoesNotGrowWithTheTrackers() async throws {
        let few = try await exposition(trackers: 5)
        let many = try await exposition(trackers: 2_000)
        #expect(few.contains("mapreduce_trackers 5") && many.contains("mapreduce_trackers 2000"))
        #expect(many.split(separator: "\n").count == few.split(separator: "\n").count, "the same series")
        #expect(
            many.utf8.count <= few.utf8.count + 64,
            "only the values may be longer: \(few.utf8.count) → \(many.utf8.count) bytes"
        )
        #expect(!many.contains("tracker-"), "no label names a tracker")
    }
}
