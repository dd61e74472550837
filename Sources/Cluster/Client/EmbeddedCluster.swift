import Foundation
import Logging
import Wire

/// A JobTracker and TaskTrackers on 127.0.0.1 in this process: the same daemons and protocol as
/// a real cluster, started for one `mrsubmit` run and stopped after it.
///
/// The daemons share the process's file system and working directory, so trackers read inputs in
/// place and the JobTracker writes the output where the user asked, relative paths included.
public final class EmbeddedCluster: Sendable {
    /// The JobTracker's address.
    public let address: ClusterAddress
    /// The cluster's random secret.
    public let secret: ClusterSecret
    private let server: JobTrackerServer
    private let trackers: [TaskTracker]
    private let tasks: [Task<Void, Never>]
    private let dataDirectory: String

    /// The JobTracker, for a console in the same process.
    public var jobTracker: JobTracker { server.tracker }
    /// The JobTracker's data directory.
    public var jobTrackerDataDirectory: String { dataDirectory + "/jobtracker" }

    /// Starts a JobTracker and `trackerCount` trackers of `slots` slots each (all at once), with
    /// files under `workDirectory`, whose attempts run in the job binary `taskRunner` described
    /// by `installed` (the running program, or the `mrtask` installed beside it). They take tasks
    /// however full the disk is: with no other tracker to turn to, a job fails on a full disk
    /// rather than waiting for space. They honour the tasktracker's `MR_NETWORK_ONLY=1` and
    /// `MR_SHUFFLE_MEMORY`, so that the network shuffle can be tried on one machine.
    public static func start(
        trackers trackerCount: Int,
        slots: Int,
        workDirectory: String,
        taskRunner: String,
        installed: BinaryDescription,
        logger: Logger
    ) async throws -> EmbeddedCluster {
        let secret = ClusterSecret.random()
        let environment = ProcessInfo.processInfo.environment
        let dataDirectory = "\(workDirectory)/mr-embedded-\(UUID().uuidString.prefix(8))"
        let server = try await JobTrackerServer.bind(
            JobTrackerConfiguration(
                host: "127.0.0.1",
                port: 0,
                dataDirectory: dataDirectory + "/jobtracker",
                secret: secret,
                settings: JobTrackerSettings(heartbeatInterval: .milliseconds(500)),
                allowedPaths: ["/"]
            ),
            logger: logger
        )
        var tasks = [Task { _ = try? await server.run() }]
        let trackers = try await withThrowingTaskGroup(of: (Int, TaskTracker).self) { group in
            for index in 0..<max(1, trackerCount) {
                group.addTask {
                    let tracker = try await TaskTracker.start(
                        TaskTrackerConfiguration(
                            jobTrackerHost: "127.0.0.1",
                            jobTrackerPort: server.port,
                            host: "127.0.0.1",
                            shufflePort: 0,
                            slots: slots,
                            workDirectory: dataDirectory + "/tracker-\(index + 1)",
                            sharedInputRoot: "",
                            usesSharedFileSystems: environment["MR_NETWORK_ONLY"] != "1",
                            secret: secret,
                            trackerID: "embedded-tracker-\(index + 1)",
                            shuffleMemory: environment["MR_SHUFFLE_MEMORY"].flatMap(
                                TaskTrackerConfiguration.shuffleMemory(parsing:)
                            ),
                            taskRunnerPath: taskRunner,
                            installedDescription: installed,
                            drainTimeout: .zero,
                            minimumFreeSpace: MinimumFreeSpace(bytes: 0, percent: nil)
                        ),
                        logger: logger
                    )
                    return (index, tracker)
                }
            }
            var started: [(Int, TaskTracker)] = []
            for try await tracker in group { started.append(tracker) }
            return started.sorted { $0.0 < $1.0 }.map(\.1)
        }
        for tracker in trackers { tasks.append(Task { _ = try? await tracker.run() }) }
        let cluster = EmbeddedCluster(
            address: ClusterAddress(host: "127.0.0.1", port: server.port),
            secret: secret,
            server: server,
            trackers: trackers,
            tasks: tasks,
            dataDirectory: dataDirectory
        )
        try await cluster.waitForTrackers()
        return cluster
    }

    private init(
        address: ClusterAddress,
        secret: ClusterSecret,
        server: JobTrackerServer,
        trackers: [TaskTracker],
        tasks: [Task<Void, Never>],
        dataDirectory: String
    ) {
        self.address = address
        self.secret = secret
        self.server = server
        self.trackers = trackers
        self.tasks = tasks
        self.dataDirectory = dataDirectory
    }

    /// Waits until every tracker has registered, so the first job's splits see all slots.
    private func waitForTrackers() async throws {
        guard await server.tracker.awaitTrackers(trackers.count, until: ContinuousClock.now + .seconds(10)) else {
            throw ClusterError(message: "embedded trackers did not register")
        }
    }

    /// Ends the cluster at once for a process that is about to exit on a signal: kills the running
    /// attempts and jobs (which removes their outputs' staging directories), closes the JobTracker
    /// and removes the cluster's files, trying again for a moment while the trackers' last writes
    /// land, without the orderly stop's waits.
    public func abandon() async {
        for tracker in trackers { tracker.children.handBackAll() }
        for report in await server.tracker.reports() where !report.state.isFinal {
            _ = try? await server.tracker.kill(report.job)
        }
        await server.close()
        for _ in 0..<25 where FileManager.default.fileExists(atPath: dataDirectory) {
            try? FileManager.default.removeItem(atPath: dataDirectory)
            try? await Task.sleep(for: .milliseconds(20))
        }
    }

    /// Stops the trackers (all at once) and the JobTracker, waits until they have stopped, and
    /// removes their files, so that nothing is written there afterwards.
    public func stop() async {
        await withDiscardingTaskGroup { group in
            for tracker in trackers { group.addTask { await tracker.stop() } }
        }
        await server.close()
        for task in tasks { task.cancel() }
        for task in tasks { await task.value }
        try? FileManager.default.removeItem(atPath: dataDirectory)
    }
}
