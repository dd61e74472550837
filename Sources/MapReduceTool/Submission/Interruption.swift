import Foundation
import Synchronization

/// What a job tool does when SIGINT, SIGTERM or SIGHUP arrives while it runs a job: the session
/// says how to leave cleanly at each stage, and the tool exits with 128 + the signal's number
/// within a second, whatever the cleanup is waiting for.
///
/// On the embedded cluster the job is killed and the cluster's files are removed; with
/// `--cluster` the job keeps running (a dropped ssh session must not kill a long job), as Hadoop's
/// client leaves it, unless `--kill-on-exit` asks otherwise.
final class Interruption: Sendable {
    /// How long the cleanup may take before the tool exits anyway.
    static let deadline = Duration.seconds(1)

    private let cleanup = Mutex<(@Sendable (Int32) async -> Void)?>(nil)
    private let interrupted = Mutex(false)
    private let sources = Mutex<[SignalSource]>([])

    /// A signal source; dispatch sources may be used from any thread.
    private final class SignalSource: @unchecked Sendable {
        let source: any DispatchSourceSignal

        init(_ source: any DispatchSourceSignal) {
            self.source = source
        }
    }

    /// Starts watching the three signals; their default action (dying at once) is replaced.
    func watch() {
        let installed = [SIGINT, SIGTERM, SIGHUP].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number)
            source.setEventHandler { [self] in interrupted(by: number) }
            source.resume()
            return SignalSource(source)
        }
        sources.withLock { $0 = installed }
    }

    /// Stops watching and gives the signals their default actions back.
    func stop() {
        for signal in sources.withLock({ $0 }) { signal.source.cancel() }
        for number in [SIGINT, SIGTERM, SIGHUP] { signal(number, SIG_DFL) }
    }

    /// Sets what to do if a signal arrives from now on.
    func onInterrupt(_ action: @escaping @Sendable (Int32) async -> Void) {
        cleanup.withLock { $0 = action }
    }

    /// Waits for the exit if a signal arrived: the job's end that the cleanup caused (a killed
    /// job, a closed connection) must not decide the exit status.
    func holdIfInterrupted() {
        guard interrupted.withLock({ $0 }) else { return }
        while true { Thread.sleep(forTimeInterval: 1) }
    }

    private func interrupted(by number: Int32) {
        guard !interrupted.withLock({ $0 }) else { return }
        interrupted.withLock { $0 = true }
        let action = cleanup.withLock { $0 }
        let status = 128 + number
        let watchdog = Thread {
            Thread.sleep(forTimeInterval: Double(Self.deadline.components.seconds))
            Self.leave(with: status)
        }
        watchdog.start()
        Task {
            await action?(number)
            Self.leave(with: status)
        }
    }

    /// Ends the process with `status` after flushing standard output and error. `exit` would run
    /// the libraries' destructors while the cluster's threads still use them, and the watchdog
    /// and the cleanup may call it at the same moment, which C leaves undefined; `_exit` does
    /// neither.
    private static func leave(with status: Int32) -> Never {
        fflush(nil)
        _exit(status)
    }
}
