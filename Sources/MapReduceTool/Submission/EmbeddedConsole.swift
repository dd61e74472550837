import Cluster
import Console
import DaemonHTTP
import Foundation
import Hummingbird
import Logging
import Prometheus
import Synchronization

/// `mrsubmit --console`: the web console of the embedded cluster on 127.0.0.1, kept up after the
/// job until Ctrl-C, so that the job's pages, logs and outputs can be looked at.
final class EmbeddedConsole: Sendable {
    /// The port asked for (`--console-port`; 0 picks a free one).
    let port: Int
    private let running = Mutex<(cluster: EmbeddedCluster, server: Task<Void, Never>)?>(nil)

    /// A console to start on `port` once the embedded cluster runs.
    init(port: Int) {
        self.port = port
    }

    /// Serves the console of `cluster` and prints its address and token on standard error once it listens.
    func start(for cluster: EmbeddedCluster, logger: Logger) async throws {
        let console = try Console(
            tracker: cluster.jobTracker,
            configuration: ConsoleConfiguration(
                dataDirectory: cluster.jobTrackerDataDirectory,
                token: ConsoleConfiguration.token(for: cluster.secret),
                requiresLoginToRead: false
            )
        )
        let http = DaemonHTTPServer(
            host: "127.0.0.1",
            port: port,
            context: BasicRequestContext.self,
            readiness: { .ready },
            registry: PrometheusCollectorRegistry(),
            logger: logger,
            addRoutes: console.addRoutes
        )
        let listening = AsyncStream<Int>.makeStream()
        let application = http.application { port in listening.continuation.yield(port) }
        let server = Task {
            do { try await application.run() } catch { listening.continuation.finish() }
        }
        running.withLock { $0 = (cluster, server) }
        var iterator = listening.stream.makeAsyncIterator()
        guard let bound = await iterator.next() else {
            throw ClusterError(message: "the console could not listen on 127.0.0.1:\(port)")
        }
        FileHandle.standardError.write(
            Data(
                "console: http://127.0.0.1:\(bound)/  token: \(ConsoleConfiguration.token(for: cluster.secret))\n".utf8
            )
        )
    }

    /// Whether a cluster is being held for the console.
    var isRunning: Bool { running.withLock { $0 != nil } }

    /// Waits for SIGINT or SIGTERM, then stops the console and the cluster.
    func holdUntilInterrupted() {
        guard let (cluster, server) = running.withLock({ $0 }) else { return }
        FileHandle.standardError.write(Data("console: the cluster stays up; press Ctrl-C to stop it\n".utf8))
        let stop = DispatchSemaphore(value: 0)
        let sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number)
            source.setEventHandler { stop.signal() }
            source.resume()
            return source
        }
        stop.wait()
        for source in sources { source.cancel() }
        server.cancel()
        _ = try? BlockingAsync.run { await cluster.stop() }
    }
}
