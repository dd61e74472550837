import Foundation
import Logging
import MapReduce
import NIOCore
import Wire

/// The JobTracker's network side: accepts client and tracker connections and answers their
/// requests by calling the ``JobTracker`` actor.
public final class JobTrackerServer: Sendable {
    /// The JobTracker.
    public let tracker: JobTracker
    private let server: WireServer
    private let logger: Logger

    /// The bound protocol port.
    public var port: Int { server.port }

    /// Binds the protocol port; call ``run()`` to serve.
    public static func bind(_ configuration: JobTrackerConfiguration, logger: Logger) async throws -> JobTrackerServer {
        let tracker = try JobTracker(configuration: configuration, logger: logger)
        await tracker.resumeJournaledJobs()
        let server = try await WireServer.bind(
            WireServer.Configuration(
                host: configuration.host,
                port: configuration.port,
                secret: configuration.secret,
                serverName: "JobTracker",
                nodeID: "jobtracker",
                allowedRoles: [.client, .tracker],
                acceptedMessages: ClusterMessages.jobTrackerCatalog,
                requestTimeout: .seconds(60)
            ),
            logger: logger
        )
        return JobTrackerServer(tracker: tracker, server: server, logger: logger)
    }

    private init(tracker: JobTracker, server: WireServer, logger: Logger) {
        self.tracker = tracker
        self.server = server
        self.logger = logger
    }

    /// Serves connections and expires silent trackers until cancelled or closed.
    public func run() async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            // At high priority, so that the actor runs each round ahead of the heartbeats queued at
            // the default one: a lost tracker is noticed at its expiry, however busy the actor is.
            group.addTask(priority: .high) { [tracker] in
                var rounds = 0
                let collectEvery = Self.roundsBetweenCollections(retention: tracker.configuration.outputRetention)
                while true {
                    try await Task.sleep(for: .milliseconds(500))
                    await tracker.expireTrackers()
                    rounds += 1
                    if rounds % collectEvery == 0 {
                        await tracker.jobFiles.collectGarbage()
                        await tracker.collectLeftovers()
                    }
                }
            }
            try await server.run { connection in await self.serve(connection) }
            group.cancelAll()
        }
    }

    /// How many housekeeping rounds (half a second each) pass between collections of leftover
    /// files: directory scans are not for every round, so every 30 s, or twice per output
    /// retention when that is shorter.
    static func roundsBetweenCollections(retention: Duration) -> Int {
        max(1, min(60, Int(retention.seconds)))
    }

    /// The longest a `jobStatus` request is held, whatever it asks for.
    static let longestStatusHold = 5000

    /// Stops listening and closes connections.
    public func close() async {
        await server.close()
    }

    private func serve(_ connection: WireConnection) async {
        await withDiscardingTaskGroup { group in
            do {
                for try await request in connection.requests {
                    group.addTask { await self.answer(request, on: connection) }
                }
            } catch {
                logger.debug("connection ended", metadata: ["peer": "\(connection.peer)", "error": "\(error)"])
            }
        }
    }

    /// Answers one request in its own task.
    ///
    /// Held requests (heartbeats, map completions, job status) are answered by functions of
    /// their own, kept out of line: a task keeps the frames of its deepest calls for as long as it
    /// lives, and one frame for every kind of message, held by every tracker's waiting heartbeat,
    /// would cost kilobytes a tracker.
    private func answer(_ request: IncomingRequest, on connection: WireConnection) async {
        do {
            switch request.type {
            case ClusterMessages.heartbeat: try await answerHeartbeat(request, on: connection)
            case ClusterMessages.mapCompletions: try await answerCompletions(request, on: connection)
            case ClusterMessages.jobStatus: try await answerStatus(request, on: connection)
            default: try await dispatch(request, on: connection)
            }
        } catch {
            request.body?.discard()
            try? await connection.respond(to: request, error: "\(error)")
        }
    }

    /// Answers the requests that are not held.
    @inline(never)
    private func dispatch(_ request: IncomingRequest, on connection: WireConnection) async throws {
        switch request.type {
        case ClusterMessages.submitJob:
            let job = try await tracker.submit(try request.decode(as: SubmitJobRequest.self))
            try await connection.respond(to: request, with: SubmitJobReply(job: job))
        case ClusterMessages.listJobs:
            try await connection.respond(to: request, with: ListJobsReply(jobs: await tracker.currentView().reports()))
        case ClusterMessages.killJob:
            let report = try await tracker.kill(try request.decode(as: KillJobRequest.self).job)
            try await connection.respond(to: request, with: KillJobReply(report: report))
        case ClusterMessages.registerTracker:
            let finished = await tracker.register(try request.decode(as: RegisterTrackerRequest.self))
            let interval = await tracker.heartbeatInterval
            try await connection.respond(
                to: request,
                with: RegisterTrackerReply(
                    heartbeatMilliseconds: Int(interval.seconds * 1000),
                    finishedJobs: finished
                )
            )
        case ClusterMessages.attemptList:
            let attempts = try await tracker.attempts(try request.decode(as: AttemptListRequest.self))
            try await connection.respond(to: request, with: AttemptListReply(attempts: attempts))
        case ClusterMessages.attemptLog:
            try await relayLog(of: try request.decode(as: AttemptLogRequest.self).attempt, for: request, on: connection)
        case ClusterMessages.clusterInfo:
            try await connection.respond(to: request, with: await tracker.currentView().clusterInfo())
        case ClusterMessages.deregisterTracker:
            await tracker.deregister(try request.decode(as: DeregisterTrackerRequest.self).tracker)
            try await connection.respond(to: request, with: DeregisterTrackerReply())
        default:
            try await FileTransfers(tracker: tracker).answer(request, on: connection)
        }
    }

    /// Fetches an attempt's log from its tracker and streams it on to the client.
    private func relayLog(
        of attempt: AttemptID,
        for request: IncomingRequest,
        on connection: WireConnection
    ) async throws {
        let address = try await tracker.trackerAddress(of: attempt)
        let client = WireClient(
            WireClient.Configuration(
                host: address.host,
                port: address.port,
                secret: tracker.configuration.secret,
                role: .shuffle,
                nodeID: "jobtracker",
                connectTimeout: .seconds(3)
            )
        )
        try await client.withConnection { trackerConnection in
            let response = try await trackerConnection.download(
                ClusterMessages.fetchAttemptLog,
                payload: FetchAttemptLogRequest(attempt: attempt).encodedBuffer()
            )
            let header = try AttemptLogReply(decoding: response.header.payload)
            try await connection.respondWithStream(to: request, type: request.type, payload: header.encodedBuffer()) {
                writer in
                for try await chunk in response.body { try await writer.write(chunk) }
            }
        }
    }

    /// Answers a heartbeat at once when there is news either way; otherwise holds it until work
    /// appears or the heartbeat interval (grown with the cluster) passes, so an idle tracker
    /// learns of a new job at once.
    /// Records the JobTracker's own time on it, the time it was held left out.
    @inline(never)
    private func answerHeartbeat(_ request: IncomingRequest, on connection: WireConnection) async throws {
        let heartbeat = try request.decode(as: HeartbeatRequest.self)
        let started = ContinuousClock.now
        let (reply, held) = try await tracker.heartbeat(heartbeat, holdingFrom: started)
        tracker.metrics.heartbeatServed(in: ContinuousClock.now - started - held)
        try await connection.respond(to: request, with: reply)
    }

    /// Answers a reduce's request for map completions, held until there are some or the
    /// heartbeat interval passes.
    @inline(never)
    private func answerCompletions(_ request: IncomingRequest, on connection: WireConnection) async throws {
        let deadline = ContinuousClock.now + tracker.configuration.settings.heartbeatInterval
        let reply = await tracker.completions(
            try request.decode(as: MapCompletionsRequest.self),
            holdingUntil: deadline
        )
        try await connection.respond(to: request, with: reply)
    }

    /// Answers a job-status request, held up to what it asks for (at most ``longestStatusHold``
    /// milliseconds) while the job does not change.
    @inline(never)
    private func answerStatus(_ request: IncomingRequest, on connection: WireConnection) async throws {
        let status = try request.decode(as: JobStatusRequest.self)
        let hold = Duration.milliseconds(min(max(0, status.holdMilliseconds), Self.longestStatusHold))
        let report = try await tracker.report(status.job, holdingUntil: ContinuousClock.now + hold)
        try await connection.respond(to: request, with: JobStatusReply(report: report))
    }
}
