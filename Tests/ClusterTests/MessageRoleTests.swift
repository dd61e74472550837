import Foundation
import Logging
import MapReduce
import TestSupport
import Testing
import Wire

@testable import Cluster

/// The JobTracker answers each request only from the role that may send it: a client cannot
/// register itself as a tracker, and a tracker cannot submit or kill jobs.
struct MessageRoleTests {
    func withJobTracker(_ body: (JobTrackerServer, ClusterSecret) async throws -> Void) async throws {
        let directory = try TemporaryDirectory("roles")
        let secret = ClusterSecret.random()
        let server = try await JobTrackerServer.bind(
            JobTrackerConfiguration(
                host: "127.0.0.1",
                port: 0,
                dataDirectory: directory.file("jobtracker"),
                secret: secret
            ),
            logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        )
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            defer { group.cancelAll() }
            try await body(server, secret)
            await server.close()
        }
    }

    func connection(to server: JobTrackerServer, secret: ClusterSecret, as role: WireRole) -> WireClient {
        WireClient(
            WireClient.Configuration(
                host: "127.0.0.1",
                port: server.port,
                secret: secret,
                role: role,
                nodeID: "intruder"
            )
        )
    }

    @Test func aClientCannotRegisterAsATracker() async throws {
        try await withJobTracker { server, secret in
            let registration = RegisterTrackerRequest(
                tracker: "intruder",
                host: "127.0.0.1",
                shufflePort: 1,
                slots: 100_000,
                probe: FileSystemProbe(path: "/", token: "x")
            )
            try await connection(to: server, secret: secret, as: .client).withConnection { connection in
                let error = await #expect(throws: WireError.self) {
                    _ = try await connection.call(registration, expecting: RegisterTrackerReply.self)
                }
                guard case .remote(let message) = error else {
                    Issue.record("expected a refusal, got \(String(describing: error))")
                    return
                }
                #expect(message.code == .roleNotAllowed)
                #expect(message.message.contains("RegisterTrackerRequest"))
            }
            #expect(await server.tracker.trackerStatuses().isEmpty)
        }
    }

    @Test func aTrackerCannotSubmitOrKillJobs() async throws {
        try await withJobTracker { server, secret in
            let submission = SubmitJobRequest(
                job: "wordcount",
                parameters: JobParameters(),
                inputs: ["/etc/passwd"],
                outputPath: "/tmp/roles-out",
                reducers: 1,
                splitSize: 1 << 20,
                mapBufferSize: 1 << 20,
                replacesOutput: true
            )
            try await connection(to: server, secret: secret, as: .tracker).withConnection { connection in
                for call in [
                    { _ = try await connection.call(submission, expecting: SubmitJobReply.self) },
                    { _ = try await connection.call(ListJobsRequest(), expecting: ListJobsReply.self) },
                ] as [() async throws -> Void] {
                    let error = await #expect(throws: WireError.self) { try await call() }
                    guard case .remote(let message) = error else {
                        Issue.record("expected a refusal, got \(String(describing: error))")
                        continue
                    }
                    #expect(message.code == .roleNotAllowed)
                }
            }
            #expect(await server.tracker.reports().isEmpty)
        }
    }
}
