import Foundation
import MapReduce
import NIOCore
import Synchronization
import Wire

/// One attempt running in a task-runner child process, as the tracker sees it: started, followed
/// through its progress and status lines, waited for, and killed when the JobTracker says so.
final class ChildTask: Sendable {
    private let process: Process
    private let logPath: String
    private let resultPath: String
    /// The memory limit the child set on itself (``TaskMemoryLimit``), named when it fails for lack of memory.
    private let memoryLimit: Int64?
    private let exited = ExitWaiter()

    /// The child's standard output cut into whole lines, however its reads split them.
    private final class OutputLines: Sendable {
        private let pending = Mutex<[UInt8]>([])

        /// The lines `data` completes, without their newlines; keeps the unfinished rest.
        func append(_ data: Data) -> [Substring] {
            let text = pending.withLock { bytes -> String? in
                bytes.append(contentsOf: data)
                guard let end = bytes.lastIndex(of: 0x0A) else { return nil }
                defer { bytes.removeSubrange(...end) }
                return String(decoding: bytes[..<end], as: UTF8.self)
            }
            return text?.split(separator: "\n") ?? []
        }
    }

    /// The child's end, and whoever waits for it.
    private final class ExitWaiter: Sendable {
        private struct State {
            var done = false
            var continuation: CheckedContinuation<Void, Never>?
        }

        private let state = Mutex(State())

        /// Notes the end and wakes the waiter, if there is one.
        func finish() {
            let waiting = state.withLock { state -> CheckedContinuation<Void, Never>? in
                state.done = true
                defer { state.continuation = nil }
                return state.continuation
            }
            waiting?.resume()
        }

        /// Waits for the end.
        func wait() async {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let done = state.withLock { state in
                    if !state.done { state.continuation = continuation }
                    return state.done
                }
                if done { continuation.resume() }
            }
        }
    }

    /// Starts the job binary `runner` on a request written in `directory` with `environment`
    /// (``TaskEnvironment``), logging its standard error to `logPath`; `progress` hears its
    /// records so far and `status` its status messages.
    init(
        runner: JobRunner,
        request: TaskRunRequest,
        directory: String,
        logPath: String,
        environment: [String: String],
        memoryLimit: Int64?,
        progress: @escaping @Sendable (Int64) -> Void,
        status: @escaping @Sendable (String) -> Void = { _ in }
    ) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(
            atPath: (logPath as NSString).deletingLastPathComponent,
            withIntermediateDirectories: true
        )
        let base = directory + "/\(request.attempt)"
        let requestPath = base + ".request"
        self.logPath = logPath
        self.memoryLimit = memoryLimit
        resultPath = base + ".result"
        try request.write(to: requestPath, version: runner.protocolVersion)
        guard FileManager.default.createFile(atPath: logPath, contents: nil) else {
            throw SystemError(path: logPath, action: "cannot create")
        }
        process = Process()
        process.executableURL = URL(fileURLWithPath: runner.path)
        process.arguments = [TaskRunnerProtocol.taskArgument, requestPath, resultPath]
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        process.environment = environment
        let outputLines = OutputLines()
        output.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            if data.isEmpty {
                handle.readabilityHandler = nil
                return
            }
            let lines = outputLines.append(data)
            if let last = lines.last(where: { $0.hasPrefix("status ") }) { status(String(last.dropFirst(7))) }
            if let last = lines.last(where: { $0.hasPrefix("progress ") }), let records = Int64(last.dropFirst(9)) {
                progress(records)
            }
        }
        process.terminationHandler = { [exited] _ in exited.finish() }
        do {
            try process.run()
        } catch {
            throw InputError(path: runner.path, problem: "cannot start the job binary: \(error)")
        }
    }

    /// Waits for the child to end; returns its result or throws its failure as one line.
    ///
    /// A job's thrown error (exit status 1) is the line itself; a crash or another exit status
    /// also carries up to 20 lines of standard error: from the runtime's fatal error message on,
    /// or the last ones.
    func result() async throws -> TaskRunResult {
        await exited.wait()
        if process.terminationReason == .exit, process.terminationStatus == 0 {
            let file = try FileReadHandle(path: resultPath)
            return try TaskRunResult(decoding: ByteBuffer(bytes: try file.readExactly(Int(file.size), at: 0)))
        }
        let tail = logTail(lines: 200)
        let fatal = tail.lastIndex { $0.contains("Fatal error") }
        let last = fatal.map { tail[$0] } ?? tail.last ?? ""
        let excerpt = fatal.map { Array(tail[$0...].prefix(20)) } ?? Array(tail.suffix(20))
        if let memoryLimit, TaskMemoryLimit.ranOut(excerpt + [last]) {
            throw ChildTaskFailure(
                message:
                    "task process ran out of memory: it may use \(ByteCountText.describe(memoryLimit)) (--task-memory)"
                    + (last.isEmpty ? "" : "; last output: \(last)"),
                logTail: excerpt
            )
        }
        if process.terminationReason == .uncaughtSignal {
            let signal = process.terminationStatus
            let name = String(cString: strsignal(signal))
            throw ChildTaskFailure(
                message: "task process crashed: signal \(signal) (\(name))"
                    + (last.isEmpty ? "" : "; last output: \(last)"),
                logTail: excerpt
            )
        }
        let status = process.terminationStatus
        let threw = status == 1 && !last.isEmpty
        throw ChildTaskFailure(
            message: threw
                ? last : "task process exited with status \(status)" + (last.isEmpty ? "" : "; last output: \(last)"),
            logTail: threw ? [] : excerpt
        )
    }

    /// Kills the child at once, with the commands it started in its process group (a streaming
    /// job's shells), which would otherwise outlive it.
    func kill() {
        guard process.isRunning else { return }
        Glibc.kill(-process.processIdentifier, SIGKILL)
        Glibc.kill(process.processIdentifier, SIGKILL)
    }

    /// The last `lines` lines the child wrote on standard error.
    func logTail(lines: Int) -> [String] {
        guard let text = try? String(contentsOfFile: logPath, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").suffix(lines).map(String.init)
    }
}

/// A task-runner child that did not succeed, said in one line, with its last words.
struct ChildTaskFailure: Error, CustomStringConvertible {
    let message: String
    /// The last lines the child wrote on standard error.
    let logTail: [String]
    var description: String { message }
}
