import Console
import Foundation
import Hummingbird
import HummingbirdTesting
import MapReduce
import Testing

@testable import Cluster

/// A job's page lists the job's parameters, so a streaming job shows its commands, and the
/// latest status message of its attempts; the run form's reducers take 0 for a map-only job.
struct ConsoleJobParametersTests {
    static let streaming = JobDescriptor(
        name: "streaming",
        summary: "Runs shell commands as mapper and reducer",
        options: [
            JobOption(name: "mapper", parameter: "stream.map.streamprocessor", valueName: "command", help: "Map"),
            JobOption(
                name: "reducer",
                parameter: "stream.reduce.streamprocessor",
                valueName: "command",
                help: "Reduce"
            ),
        ],
        isHidden: false,
        writesFilePerInput: false
    )

    @Test func aStreamingJobsPageShowsItsCommandsAndAMapOnlySubmissionIsAccepted() async throws {
        let console = try await RouterConsole(jobs: [Self.streaming])
        let tracker = console.tracker
        try await console.test { client in
            let session = try await RouterConsole.signIn(client)
            let upload = try await client.execute(
                uri: "/api/v1/uploads?name=lines.txt",
                method: .post,
                headers: session,
                body: ByteBuffer(string: "b\na\n")
            )
            let id = try JSONDecoder().decode(Upload.self, from: Data(upload.body.readableBytesView)).id
            let accepted = try await client.execute(
                uri: "/api/v1/jobs",
                method: .post,
                headers: session,
                body: ByteBuffer(
                    string:
                        "{\"job\":\"streaming\",\"uploads\":[\"\(id)\"],\"options\":{\"mapper\":\"tr a-z A-Z | cat -n\",\"reducer\":\"sort <&0\"},\"reducers\":0}"
                )
            )
            #expect(accepted.status == .created, "\(String(buffer: accepted.body))")
            let job = try #require(
                JobID(
                    try JSONDecoder().decode([String: String].self, from: Data(accepted.body.readableBytesView))["job"]
                        ?? ""
                )
            )
            #expect(await tracker.state.jobs[job]?.request.reducers == 0)
            let page = String(buffer: try await client.execute(uri: "/jobs/\(job)", method: .get).body)
            #expect(page.contains("<table id=\"parameters\">"), "\(page)")
            #expect(page.contains("<code>stream.map.streamprocessor</code>"))
            #expect(page.contains("<code>tr a-z A-Z | cat -n</code>"))
            #expect(page.contains("<code>sort &lt;&amp;0</code>"), "parameter values are escaped")

            let setup = try #require(
                try await tracker.heartbeat(
                    HeartbeatRequest(tracker: "tracker-1", freeSlots: 2, acceptsTasks: true, reports: []),
                    holdingFrom: .now
                )
                .reply.assignments.first?.attempt
            )
            let running = AttemptReport(
                attempt: setup,
                state: .running,
                records: 1,
                counters: Counters(),
                failure: "",
                segments: [],
                status: "planning <splits>"
            )
            _ = try await tracker.heartbeat(
                HeartbeatRequest(tracker: "tracker-1", freeSlots: 1, acceptsTasks: true, reports: [running]),
                holdingFrom: .now
            )
            let statusPage = String(buffer: try await client.execute(uri: "/jobs/\(job)", method: .get).body)
            #expect(statusPage.contains("<p id=\"status\">status: \(setup.task): planning &lt;splits&gt;</p>"))
            let json = String(buffer: try await client.execute(uri: "/api/v1/jobs/\(job)", method: .get).body)
            #expect(json.contains("\"status\":\"\(setup.task): planning <splits>\""), "\(json)")
            let refused = try await client.execute(
                uri: "/api/v1/jobs",
                method: .post,
                headers: session,
                body: ByteBuffer(string: "{\"job\":\"streaming\",\"uploads\":[\"\(id)\"],\"reducers\":-1}")
            )
            #expect(refused.status == .badRequest)
        }
    }
}
