import Foundation
import TestSupport
import Testing

/// The console's JSON API and pages over real HTTP, against a JobTracker and TaskTrackers
/// running as processes: the same facts as the binary protocol, jobs, uploads and logs.
@Suite(.serialized)
struct ConsoleAPITests {
    @Test func wordcountFromTheAPIShowsTheSameFactsAsMrsubmitStatus() async throws {
        let cluster = try ConsoleCluster()
        let client = try await cluster.client()
        let book = SharedData.books + "/pg84.txt"
        let upload = try await client.send(
            "POST",
            "/api/v1/uploads?name=pg84.txt",
            body: try Data(contentsOf: URL(fileURLWithPath: book)),
            type: "application/octet-stream"
        )
        #expect(upload.status == 201, "\(upload.text)")
        let uploadID = try #require(try upload.json([String: AnyCodable].self)["id"]?.string)
        let submit = try await client.post(
            "/api/v1/jobs",
            json: ["job": "wordcount", "uploads": [uploadID], "reducers": 2]
        )
        #expect(submit.status == 201, "\(submit.text)")
        let job = try #require(try submit.json([String: String].self)["job"])
        let report = try await cluster.waitForEnd(of: job, with: client)
        #expect(report["state"] as? String == "succeeded")
        #expect(report["binary"] as? String == "built-in")

        let work = try TemporaryDirectory("console-status")
        let status = try cluster.mrsubmit(["status", job], in: work.path)
        #expect(status.status == 0, "\(status.standardError)")
        let counters = try await client.get("/api/v1/jobs/\(job)/counters").json([String: Int64].self)
        #expect(counters["MAP_INPUT_RECORDS"] ?? 0 > 0)
        for (name, value) in counters where name.hasPrefix("MAP_INPUT") || name.hasPrefix("REDUCE_OUTPUT") {
            #expect(status.text.contains("\(value)"), "mrsubmit status lacks \(name)=\(value):\n\(status.text)")
        }
        let list = try cluster.mrsubmit(["list"], in: work.path)
        #expect(list.text.contains(job) && list.text.contains("succeeded"))

        let tasks =
            try JSONSerialization.jsonObject(with: try await client.get("/api/v1/jobs/\(job)/tasks").body)
            as! [[String: Any]]
        #expect(tasks.count >= 3)
        #expect(tasks.allSatisfy { $0["state"] as? String == "succeeded" })
        #expect(tasks.contains { ($0["kind"] as? String) == "reduce" && ($0["outputBytes"] as? Int ?? 0) > 0 })
        let output = try await client.get("/api/v1/jobs/\(job)/output").json([String].self)
        #expect(output == ["part-r-00000", "part-r-00001"])
        let part = try await client.get("/api/v1/jobs/\(job)/output/part-r-00000")
        #expect(part.status == 200 && part.text.contains("\t"))

        let trackers =
            try JSONSerialization.jsonObject(with: try await client.get("/api/v1/trackers").body) as! [[String: Any]]
        #expect(trackers.count == 2 && trackers.allSatisfy { $0["state"] as? String == "live" })
        let logs =
            try JSONSerialization.jsonObject(with: try await client.get("/api/v1/logs?job=\(job)").body)
            as! [[String: Any]]
        let sources = Set(logs.compactMap { $0["source"] as? String })
        #expect(sources.contains("jobtracker"))
        #expect(sources.contains { $0 != "jobtracker" }, "no tracker log lines were forwarded: \(sources)")

        let metrics = try await client.get("/metrics").text
        for name in [
            "mapreduce_jobs_finished_total", "mapreduce_tasks", "mapreduce_heartbeats_total", "mapreduce_trackers",
            "mapreduce_attempt_duration_seconds", "mapreduce_attempts_finished_total",
        ] {
            #expect(metrics.contains(name), "/metrics lacks \(name)")
        }

        let inputs = cluster.dataDirectory + "/inputs/logs"
        try FileManager.default.createDirectory(atPath: inputs, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: SharedData.accessLog, toPath: inputs + "/access.log")
        let fromData = try await client.post("/api/v1/jobs", json: ["job": "logbytes", "files": ["logs/access.log"]])
        #expect(fromData.status == 201, "\(fromData.text)")
        let logJob = try #require(try fromData.json([String: String].self)["job"])
        #expect(try await cluster.waitForEnd(of: logJob, with: client)["state"] as? String == "succeeded")
        #expect(
            try await client.get("/run/logbytes").text.contains("logs/access.log"),
            "the run form offers data directory files"
        )

        let dashboard = try await client.get("/")
        #expect(dashboard.status == 200 && dashboard.text.contains(job))
        let page = try await client.get("/jobs/\(job)")
        #expect(
            page.status == 200 && page.text.contains("id=\"tasks\"") && page.text.contains("<svg class=\"timeline\"")
        )
        #expect(try await client.get("/jobs/job_1_1").status == 404)
        #expect(try await client.get("/api/v1/jobs/not-a-job").status == 404)
    }

    @Test func histeqThroughTheGenericFormEqualsMrsubmitHisteqAndShowsItsArtifacts() async throws {
        let cluster = try ConsoleCluster()
        let client = try await cluster.client()
        let image = SharedData.images + "/low_contrast_x-ray.tiff"
        let upload = try await client.send(
            "POST",
            "/api/v1/uploads?name=x-ray.tiff",
            body: try Data(contentsOf: URL(fileURLWithPath: image)),
            type: "application/octet-stream"
        )
        #expect(upload.status == 201, "\(upload.text)")
        let id = try #require(try upload.json([String: AnyCodable].self)["id"]?.string)
        let form = try await client.get("/run/histeq")
        #expect(
            form.text.contains("name=\"option.mode\"") && form.text.contains("x-ray.tiff"),
            "the form comes from histeq's options"
        )
        let submit = try await client.post(
            "/api/v1/jobs",
            json: ["job": "histeq", "uploads": [id], "options": ["mode": "luma"]]
        )
        #expect(submit.status == 201, "\(submit.text)")
        let job = try #require(try submit.json([String: String].self)["job"])
        #expect(try await cluster.waitForEnd(of: job, with: client)["state"] as? String == "succeeded")

        let files = try await client.get("/api/v1/jobs/\(job)/output").json([String].self)
        let result = try #require(files.first { $0.hasSuffix("x-ray.tiff") }, "\(files)")
        let download = try await client.get("/api/v1/jobs/\(job)/output/\(result)")
        #expect(download.status == 200 && download.header("Content-Type") == "image/tiff")
        #expect(download.header("Content-Disposition")?.contains("filename=\"x-ray.tiff\"") == true)
        let work = try TemporaryDirectory("console-histeq")
        let copy = work.file("x-ray.tiff")
        try FileManager.default.copyItem(atPath: image, toPath: copy)
        let reference = try ProcessOutput.run(
            ConsoleCluster.binaries + "/mrsubmit",
            ["histeq", copy, "--mode", "luma"],
            in: work.path
        )
        #expect(reference.status == 0, "\(reference.standardError)")
        #expect(download.body == (try Data(contentsOf: URL(fileURLWithPath: work.file("x-ray_equalized.tiff")))))

        let artifacts =
            try JSONSerialization.jsonObject(with: try await client.get("/api/v1/jobs/\(job)/artifacts").body)
            as! [[String: Any]]
        #expect(
            artifacts.map { $0["title"] as? String ?? "" } == [
                "x-ray.tiff before", "x-ray.tiff before", "x-ray.tiff after", "x-ray.tiff after",
            ]
        )
        #expect(artifacts.map { $0["kind"] as? String ?? "" } == ["image", "histogram", "image", "histogram"])
        var histograms: [[Int]] = []
        for artifact in artifacts {
            let fetched = try await client.get(try #require(artifact["url"] as? String))
            #expect(fetched.status == 200)
            if artifact["kind"] as? String == "image" {
                #expect(
                    fetched.header("Content-Type") == "image/jpeg" && Array(fetched.body.prefix(2)) == [0xFF, 0xD8]
                )
            } else {
                histograms.append(try fetched.json([Int].self))
            }
        }
        #expect(histograms.count == 2 && histograms.allSatisfy { $0.count == 256 })
        #expect(histograms[0].reduce(0, +) == histograms[1].reduce(0, +) && histograms[0] != histograms[1])
        let page = try await client.get("/jobs/\(job)")
        #expect(page.text.contains("Histogram: x-ray.tiff before") && page.text.contains("Histogram: x-ray.tiff after"))
        #expect(page.text.components(separatedBy: "class=\"artifact-image\"").count - 1 == 2)
        #expect(page.text.contains("<code id=\"binary\">built-in</code>"))
        #expect(try await client.get("/api/v1/jobs/\(job)/artifacts/_SUCCESS").status == 404)

        let delete = try await client.send("DELETE", "/api/v1/uploads/\(id)")
        #expect(delete.status == 200)
        #expect(try await client.get("/api/v1/uploads/\(id)").status == 404)
        #expect(!FileManager.default.fileExists(atPath: cluster.dataDirectory + "/console/uploads/\(id)"))
    }

    @Test func killingARunningJobFromTheAPI() async throws {
        let cluster = try ConsoleCluster(extra: ["--allowed-path", NSTemporaryDirectory()])
        let client = try await cluster.client()
        let work = try TemporaryDirectory("console-kill")
        let input = try work.write("slow.txt", "one FAULT line\n")
        let detached = try cluster.mrsubmit(
            ["fault-sleep", input, "-D", "fault.sleep-seconds=60", "--detach", "-o", work.file("out")],
            in: work.path
        )
        #expect(detached.status == 0, "\(detached.standardError)")
        let job = detached.text.trimmingCharacters(in: .whitespacesAndNewlines)
        let kill = try await client.send("POST", "/api/v1/jobs/\(job)/kill")
        #expect(kill.status == 200, "\(kill.text)")
        #expect(try await cluster.waitForEnd(of: job, with: client, seconds: 10)["state"] as? String == "killed")
        #expect(try cluster.mrsubmit(["status", job], in: work.path).text.contains("killed"))
    }
}
