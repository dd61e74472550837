import Foundation
import TestSupport
import Testing

/// The console's access rules and input checks: sessions, CSRF, login off loopback, hostile
/// file names and paths, and the upload limit. Nothing may land outside the data directory.
@Suite(.serialized)
struct ConsoleSecurityTests {
    @Test func stateChangesNeedASessionAndItsCSRFToken() async throws {
        let cluster = try ConsoleCluster()
        let anonymous = try await cluster.client(signedIn: false)
        #expect(try await anonymous.get("/").status == 200, "reading on loopback needs no login")
        #expect(try await anonymous.get("/api/v1/jobs").status == 200)
        let upload = try await anonymous.send("POST", "/api/v1/uploads?name=a.txt", body: Data("x\n".utf8))
        #expect(upload.status == 401)
        #expect(try await anonymous.post("/api/v1/jobs", json: ["job": "wordcount"]).status == 401)
        #expect(try await anonymous.login(token: "wrong").status == 401)

        let client = try await cluster.client()
        let noCSRF = try await client.send("POST", "/api/v1/uploads?name=a.txt", body: Data("x\n".utf8), csrf: false)
        #expect(noCSRF.status == 403)
        let savedCSRF = client.csrf
        client.csrf = "0123456789abcdef0123456789abcdef"
        #expect(try await client.send("POST", "/api/v1/uploads?name=a.txt", body: Data("x\n".utf8)).status == 403)
        client.csrf = savedCSRF
        #expect(try await client.send("POST", "/api/v1/uploads?name=a.txt", body: Data("x\n".utf8)).status == 201)
        #expect(try await client.send("POST", "/api/v1/jobs/job_20260101000000_0001/kill", csrf: false).status == 403)
        #expect(try await client.send("POST", "/api/v1/jobs/job_20260101000000_0001/kill").status == 404)

        let set = try await cluster.client(signedIn: false).login(token: try cluster.token()).header("Set-Cookie") ?? ""
        #expect(set.contains("HttpOnly") && set.contains("SameSite=Strict"))
    }

    @Test func aNonLoopbackBindAsksForALoginToRead() async throws {
        let cluster = try ConsoleCluster(httpHost: "127.0.0.2")
        let anonymous = try await cluster.client(signedIn: false)
        let page = try await anonymous.get("/")
        #expect(page.status == 303 && page.header("Location") == "/login")
        #expect(try await anonymous.get("/api/v1/jobs").status == 401)
        #expect(try await anonymous.get("/login").status == 200)
        let client = try await cluster.client()
        #expect(try await client.get("/").status == 200)
        #expect(try await client.get("/api/v1/trackers").status == 200)
        #expect(cluster.jobTrackerLog.contains(try cluster.token()), "jobtracker prints the console token at start")
    }

    @Test func hostileNamesAndPathsAreRefusedOrEscaped() async throws {
        let cluster = try ConsoleCluster(extra: ["--console-upload-limit", "1000000"])
        let client = try await cluster.client()
        let image = try Data(contentsOf: URL(fileURLWithPath: SharedData.images + "/low_contrast_x-ray.tiff"))
        let hostile = "<img src=x onerror=alert(1)>.tif"
        let upload = try await client.send(
            "POST",
            "/api/v1/uploads?name=\(hostile.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)",
            body: image
        )
        #expect(upload.status == 201, "\(upload.text)")
        let id = try #require(try upload.json([String: AnyCodable].self)["id"]?.string)
        for path in ["/", "/run/histeq"] {
            let page = try await client.get(path)
            #expect(page.status == 200)
            #expect(!page.text.contains("<img src=x"), "\(path) shows the name unescaped")
            #expect(page.text.contains("&lt;img src=x onerror=alert(1)&gt;.tif"))
        }
        let submit = try await client.post("/api/v1/jobs", json: ["job": "histeq", "uploads": [id]])
        let job = try #require(try submit.json([String: String].self)["job"])
        #expect(try await cluster.waitForEnd(of: job, with: client)["state"] as? String == "succeeded")
        let results = try await client.get("/jobs/\(job)")
        #expect(!results.text.contains("<img src=x"), "an artifact named after the upload is shown unescaped")
        #expect(results.text.contains("&lt;img src=x onerror=alert(1)&gt;.tif before"))
        let artifacts =
            try JSONSerialization.jsonObject(with: try await client.get("/api/v1/jobs/\(job)/artifacts").body)
            as! [[String: Any]]
        for artifact in artifacts {
            #expect(try await client.get(try #require(artifact["url"] as? String)).status == 200, "\(artifact)")
        }

        for name in ["../escape.txt", "..", "/etc/passwd", "a/b.txt", ".hidden", "a\\b"] {
            let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let reply = try await client.send("POST", "/api/v1/uploads?name=\(encoded)", body: Data("x\n".utf8))
            #expect(reply.status == 400, "\(name): \(reply.status) \(reply.text)")
        }
        for path in [
            "/api/v1/uploads/..%2F..%2Fsecret/original", "/api/v1/uploads/../../secret",
            "/api/v1/uploads/0123456789abcdeg/original",
            "/api/v1/jobs/job_1_1/output/..%2F..%2Fsecret", "/api/v1/jobs/job_1_1/artifacts/..%2F..%2Fsecret",
            "/run/..%2Fsecret",
        ] {
            let reply = try await client.get(path)
            #expect([400, 404].contains(reply.status), "\(path): \(reply.status)")
            #expect(!reply.text.contains(ConsoleCluster.secret))
        }
        let outside = try TemporaryDirectory("console-outside")
        let target = try outside.write("private.txt", "private words\n")
        try FileManager.default.createDirectory(
            atPath: cluster.dataDirectory + "/inputs",
            withIntermediateDirectories: true
        )
        try FileManager.default.createSymbolicLink(
            atPath: cluster.dataDirectory + "/inputs/link.txt",
            withDestinationPath: target
        )
        for file in ["../secret", "/etc/passwd", "link.txt"] {
            let reply = try await client.post("/api/v1/jobs", json: ["job": "wordcount", "files": [file]])
            #expect(reply.status == 400, "\(file): \(reply.status) \(reply.text)")
        }
        #expect(try await client.post("/api/v1/jobs", json: ["job": "fault-exit", "uploads": [id]]).status == 400)

        let big = try await client.send("POST", "/api/v1/uploads?name=big.txt", body: Data(count: 1_500_000))
        #expect(big.status == 413)
        let uploads = try FileManager.default.contentsOfDirectory(atPath: cluster.dataDirectory + "/console/uploads")
        #expect(uploads == [id], "only the accepted upload is kept: \(uploads)")
        #expect(!FileManager.default.fileExists(atPath: cluster.dataDirectory + "/escape.txt"))
        #expect(!FileManager.default.fileExists(atPath: cluster.dataDirectory + "/console/escape.txt"))
    }
}
