import Foundation
import Logging
import MapReduce
import Wire

/// Serves a tracker's map outputs to reduce attempts: one partition's segment per request.
final class ShuffleServer: Sendable {
    private let server: WireServer
    private let registry: MapOutputRegistry
    private let workDirectory: String
    private let metrics: TaskTrackerMetrics
    private let logger: Logger

    /// The bound port.
    var port: Int { server.port }

    static func bind(
        host: String,
        port: Int,
        secret: ClusterSecret,
        nodeID: String,
        registry: MapOutputRegistry,
        workDirectory: String,
        metrics: TaskTrackerMetrics,
        logger: Logger
    ) async throws -> ShuffleServer {
        let server = try await WireServer.bind(
            WireServer.Configuration(
                host: host,
                port: port,
                secret: secret,
                serverName: "TaskTracker shuffle",
                nodeID: nodeID,
                allowedRoles: [.shuffle],
                acceptedMessages: ClusterMessages.shuffleCatalog
            ),
            logger: logger
        )
        return ShuffleServer(
            server: server,
            registry: registry,
            workDirectory: workDirectory,
            metrics: metrics,
            logger: logger
        )
    }

    private init(
        server: WireServer,
        registry: MapOutputRegistry,
        workDirectory: String,
        metrics: TaskTrackerMetrics,
        logger: Logger
    ) {
        self.server = server
        self.registry = registry
        self.workDirectory = workDirectory
        self.metrics = metrics
        self.logger = logger
    }

    func run() async throws {
        try await server.run { [registry, workDirectory, metrics] connection in
            await withDiscardingTaskGroup { group in
                do {
                    for try await request in connection.requests {
                        group.addTask {
                            if request.type == ClusterMessages.fetchAttemptLog {
                                await Self.answerLog(request, on: connection, workDirectory: workDirectory)
                            } else {
                                await Self.answer(request, on: connection, registry: registry, metrics: metrics)
                            }
                        }
                    }
                } catch {}
            }
        }
    }

    func close() async {
        await server.close()
    }

    private static func answerLog(
        _ request: IncomingRequest,
        on connection: WireConnection,
        workDirectory: String
    ) async {
        do {
            let attempt = try request.decode(as: FetchAttemptLogRequest.self).attempt
            let path = TaskTracker.logPath(of: attempt, in: workDirectory)
            guard FileManager.default.fileExists(atPath: path) else {
                throw InputError(path: "\(attempt)", problem: "no log on this tracker")
            }
            let file = try FileReadHandle(path: path)
            try await connection.respondWithStream(
                to: request,
                type: request.type,
                payload: AttemptLogReply(size: file.size).encodedBuffer()
            ) { writer in
                try await FileStreaming.stream(file, from: 0, length: file.size, to: writer)
            }
        } catch {
            try? await connection.respond(to: request, error: "\(error)")
        }
    }

    private static func answer(
        _ request: IncomingRequest,
        on connection: WireConnection,
        registry: MapOutputRegistry,
        metrics: TaskTrackerMetrics
    ) async {
        do {
            let message = try request.decode(as: FetchMapOutputRequest.self)
            guard let output = registry.output(of: message.attempt) else {
                throw InputError(path: "\(message.attempt)", problem: "no such map output on this tracker")
            }
            guard output.segments.indices.contains(message.partition) else {
                throw InputError(path: "\(message.attempt)", problem: "no partition \(message.partition)")
            }
            let segment = output.segments[message.partition]
            let file = try FileReadHandle(path: output.path)
            try await connection.respondWithStream(
                to: request,
                type: request.type,
                payload: FetchMapOutputReply(records: segment.records, length: segment.length).encodedBuffer()
            ) { writer in
                try await FileStreaming.stream(file, from: segment.offset, length: segment.length, to: writer)
            }
            metrics.served(bytes: segment.length)
        } catch {
            try? await connection.respond(to: request, error: "\(error)")
        }
    }
}
