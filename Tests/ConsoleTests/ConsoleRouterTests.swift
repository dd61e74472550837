import Console
import Foundation
import Hummingbird
import HummingbirdTesting
import MapReduce
import Testing

@testable import Cluster

/// The console's job-agnostic pages and API in router mode: the forms come from the jobs the
/// trackers describe, submissions carry the job's options and ask for artifacts, and uploads
/// are told apart by their first bytes.
struct ConsoleRouterTests {
    static let jobs = [
        JobDescriptor(
            name: "count-things",
            summary: "Counts <things>",
            options: [
                JobOption(name: "normalize", parameter: "count.normalize", help: "Fold case"),
                JobOption(name: "mode", parameter: "count.mode", valueName: "mode", help: "<b>fast</b> or slow"),
            ],
            isHidden: false,
            writesFilePerInput: false
        ),
        JobDescriptor(name: "secret-job", summary: "Hidden", options: [], isHidden: true, writesFilePerInput: false),
    ]

    @Test func theRunFormIsBuiltFromTheJobsDescriptor() async throws {
        try await RouterConsole(jobs: Self.jobs).test { client in
            let list = try await client.execute(uri: "/run", method: .get)
            #expect(list.status == .ok)
            let listText = String(buffer: list.body)
            #expect(listText.contains("href=\"/run/count-things\"") && listText.contains("Counts &lt;things&gt;"))
            #expect(!listText.contains("secret-job"), "hidden jobs are left out")

            let form = String(buffer: try await client.execute(uri: "/run/count-things", method: .get).body)
            #expect(form.contains("<input type=\"checkbox\" name=\"option.normalize\" value=\"true\"> --normalize"))
            #expect(form.contains("<input name=\"option.mode\" placeholder=\"mode\">"))
            #expect(form.contains("&lt;b&gt;fast&lt;/b&gt; or slow") && !form.contains("<b>fast"))
            #expect(form.contains("name=\"job\" value=\"count-things\"") && form.contains("name=\"reducers\""))
            #expect(try await client.execute(uri: "/run/secret-job", method: .get).status == .notFound)
            #expect(try await client.execute(uri: "/run/histeq", method: .get).status == .notFound)

            let installed = try await client.execute(uri: "/api/v1/installed-jobs", method: .get)
            let names = try JSONDecoder().decode([JobDescriptor].self, from: Data(installed.body.readableBytesView))
                .map(\.name)
            #expect(names == ["count-things"])
        }
    }

    @Test func aSubmissionCarriesTheOptionsAndAsksForArtifactsWithoutAPlan() async throws {
        let console = try await RouterConsole(jobs: Self.jobs)
        let tracker = console.tracker
        try await console.test { client in
            let session = try await RouterConsole.signIn(client)
            let upload = try await client.execute(
                uri: "/api/v1/uploads?name=words.txt",
                method: .post,
                headers: session,
                body: ByteBuffer(string: "a b c\n")
            )
            #expect(upload.status == .created)
            let id = try JSONDecoder().decode(Upload.self, from: Data(upload.body.readableBytesView)).id

            func submit(_ json: String) async throws -> TestResponse {
                try await client.execute(
                    uri: "/api/v1/jobs",
                    method: .post,
                    headers: session,
                    body: ByteBuffer(string: json)
                )
            }
            let accepted = try await submit(
                "{\"job\":\"count-things\",\"uploads\":[\"\(id)\"],\"options\":{\"normalize\":true,\"mode\":\"fast\"},\"reducers\":\"2\"}"
            )
            #expect(accepted.status == .created, "\(String(buffer: accepted.body))")
            let job = try #require(
                JobID(
                    try JSONDecoder().decode([String: String].self, from: Data(accepted.body.readableBytesView))["job"]
                        ?? ""
                )
            )
            let detail = try await tracker.detail(of: job)
            #expect(
                detail.parameters == ["count.normalize": "true", "count.mode": "fast", "mapreduce.artifacts": "true"]
            )
            #expect(detail.phaseNames == ["setup"], "the console sends no plan: a setup task makes it")
            #expect(detail.report.binary == "built-in")
            let reported = try await client.execute(uri: "/api/v1/jobs/\(job)", method: .get)
            #expect(String(buffer: reported.body).contains("\"binary\":\"built-in\""))
            let page = String(buffer: try await client.execute(uri: "/jobs/\(job)", method: .get).body)
            #expect(page.contains("<code id=\"binary\">built-in</code>"))
            let uploadDetail = String(buffer: try await client.execute(uri: "/api/v1/uploads/\(id)", method: .get).body)
            #expect(uploadDetail.contains("\"job\":\"\(job)\""))

            let unflagged = try await submit(
                "{\"job\":\"count-things\",\"uploads\":[\"\(id)\"],\"options\":{\"normalize\":\"false\",\"mode\":\"\"}}"
            )
            let second = try #require(
                JobID(
                    try JSONDecoder().decode([String: String].self, from: Data(unflagged.body.readableBytesView))["job"]
                        ?? ""
                )
            )
            #expect(try await tracker.detail(of: second).parameters == ["mapreduce.artifacts": "true"])

            for refused in [
                "{\"job\":\"count-things\",\"uploads\":[\"\(id)\"],\"options\":{\"speed\":\"9\"}}",
                "{\"job\":\"count-things\",\"uploads\":[\"\(id)\"],\"options\":{\"normalize\":\"maybe\"}}",
                "{\"job\":\"count-things\",\"uploads\":[\"\(id)\"],\"options\":{\"mode\":\"a\\nb\"}}",
                "{\"job\":\"secret-job\",\"uploads\":[\"\(id)\"]}",
                "{\"job\":\"wordcount\",\"uploads\":[\"\(id)\"]}",
                "{\"job\":\"count-things\"}",
                "{\"job\":\"count-things\",\"uploads\":[\"\(id)\"],\"reducers\":65}",
            ] {
                let reply = try await submit(refused)
                #expect(reply.status == .badRequest, "\(refused): \(reply.status) \(String(buffer: reply.body))")
            }
        }
    }

    @Test func uploadsAreToldApartByTheirFirstBytesWithoutDecoding() async throws {
        try await RouterConsole(jobs: Self.jobs).test { client in
            let session = try await RouterConsole.signIn(client)
            let files: [(String, [UInt8], String)] = [
                ("broken.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3], "jpeg"),
                ("broken.tif", [0x49, 0x49, 42, 0, 9, 9, 9, 9], "tiff"),
                ("big.tif", [0x4D, 0x4D, 0, 43, 0, 8, 0, 0], "tiff"),
                ("notes.txt", Array("II* not a tiff\n".utf8), "other"),
            ]
            for (name, bytes, kind) in files {
                let reply = try await client.execute(
                    uri: "/api/v1/uploads?name=\(name)",
                    method: .post,
                    headers: session,
                    body: ByteBuffer(bytes: bytes)
                )
                let upload = try JSONDecoder().decode(Upload.self, from: Data(reply.body.readableBytesView))
                #expect(upload.kind == kind, "\(name)")
                let original = try await client.execute(uri: "/api/v1/uploads/\(upload.id)/original", method: .get)
                #expect(Array(original.body.readableBytesView) == bytes)
                #expect(original.headers[.contentDisposition]?.contains(name) == true)
            }
            let dashboard = String(buffer: try await client.execute(uri: "/", method: .get).body)
            #expect(dashboard.contains("broken.jpg") && dashboard.contains("id=\"upload-form\""))
        }
    }
}
