import Foundation
import TestSupport
import Testing

/// Issue #18, item 9: an anonymous `GET /api/v1/uploads/ID` of a small TIFF that decodes to
/// 16000² pixels made the JobTracker decode it on every request (seconds each and gigabytes of
/// memory, with `/healthz` stuck behind them). The JobTracker now decodes nothing: an upload's
/// kind comes from its first bytes, and only a job's binary, in a task process under its pixel
/// limit, opens the image.
@Suite(.serialized)
struct HugeImageUploadTests {
    @Test func inspectingAHugeImageUploadIsCheapAndHealthAnswersPromptly() async throws {
        let cluster = try ConsoleCluster()
        let client = try await cluster.client()
        let tiff = CraftedTIFF.zeros(side: 16_000, rowsPerStrip: 1000)
        let upload = try await client.send(
            "POST",
            "/api/v1/uploads?name=huge.tif",
            body: Data(tiff),
            type: "application/octet-stream"
        )
        #expect(upload.status == 201, "\(upload.text)")
        let id = try #require(try upload.json([String: AnyCodable].self)["id"]?.string)
        #expect(try upload.json([String: AnyCodable].self)["kind"]?.string == "tiff")

        let anonymous = try await cluster.client(signedIn: false)
        let started = Date()
        try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<4 {
                group.addTask {
                    var worst = 0
                    for _ in 0..<3 { worst = max(worst, try await anonymous.get("/api/v1/uploads/\(id)").status) }
                    return worst
                }
            }
            group.addTask {
                let asked = Date()
                let health = try await anonymous.get("/healthz")
                #expect(Date().timeIntervalSince(asked) < 2, "/healthz took \(Date().timeIntervalSince(asked)) s")
                return health.status
            }
            for try await status in group { #expect(status == 200) }
        }
        #expect(Date().timeIntervalSince(started) < 6, "12 inspections took \(Date().timeIntervalSince(started)) s")
        for path in ["/", "/run/histeq", "/api/v1/uploads"] {
            #expect(try await anonymous.get(path).status == 200, "\(path)")
        }
        let peak = cluster.jobTrackerPeakMemory
        #expect(peak > 0 && peak < 300 << 20, "the JobTracker's peak memory reached \(peak >> 20) MiB")

        let submit = try await client.post(
            "/api/v1/jobs",
            json: ["job": "histeq", "uploads": [id], "options": ["pixel-limit": "1000000"]]
        )
        #expect(submit.status == 201, "\(submit.text)")
        let job = try #require(try submit.json([String: String].self)["job"])
        let report = try await cluster.waitForEnd(of: job, with: client, seconds: 60)
        #expect(report["state"] as? String == "failed")
        #expect((report["failure"] as? String ?? "").contains("pixel"), "\(report["failure"] ?? "")")
        #expect(cluster.jobTrackerPeakMemory < 300 << 20, "the job binary, not the JobTracker, opens the image")
    }
}
