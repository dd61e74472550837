import MapReduce
import NIOCore
import Wire

extension ClusterClient {
    /// Follows a job until it ends on connections of its own, riding out a JobTracker restart;
    /// returns the final report.
    ///
    /// When the connection is lost (the JobTracker was killed or restarted, or the network
    /// dropped), it connects again with ``ConnectionOutage``'s jittered waits for up to `window`.
    /// Once it reaches a JobTracker that knows the job, it calls `reattached` with the job's report
    /// and follows on. A JobTracker that answers with an error (an unknown job, a refused secret)
    /// ends the wait at once with that error; so does a zero `window`.
    public func follow(
        _ job: JobID,
        every interval: Duration,
        reattachingWithin window: Duration,
        reattached: @Sendable (JobReport) -> Void,
        progress: @Sendable (JobReport) -> Void
    ) async throws -> JobReport {
        var outage = ConnectionOutage(window: window)
        while true {
            do {
                return try await withConnection { connection in
                    if outage.isOngoing {
                        let report = try await status(of: job, on: connection)
                        outage.end()
                        reattached(report)
                    }
                    return try await follow(job, on: connection, every: interval, progress: progress)
                }
            } catch let error as ClusterError where error.lostConnection {
                guard try await outage.waitBeforeRetry() else {
                    throw ClusterError(
                        message: "JobTracker \(address) unreachable for \(Int(window.components.seconds)) s while "
                            + "following job \(job), which may still be running there: \(error.message)"
                    )
                }
            }
        }
    }

    /// Runs `body` on one connection, like ``withConnection(_:)``, first trying to connect again
    /// with ``ConnectionOutage``'s waits for up to `window` while the JobTracker cannot be reached
    /// (it is restarting); `waiting` hears the first failure. Only connecting is tried again:
    /// once `body` has started, its errors are thrown, since what it sent may have taken effect.
    public func withConnection<Result: Sendable>(
        connectingWithin window: Duration,
        waiting: @Sendable (ClusterError) -> Void,
        _ body: (WireConnection) async throws -> Result
    ) async throws -> Result {
        var outage = ConnectionOutage(window: window)
        while true {
            var started = false
            do {
                return try await withConnection { connection in
                    started = true
                    return try await body(connection)
                }
            } catch let error as ClusterError where error.lostConnection && !started {
                if !outage.isOngoing { waiting(error) }
                guard try await outage.waitBeforeRetry() else { throw error }
            }
        }
    }
}
