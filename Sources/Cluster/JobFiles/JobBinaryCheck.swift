import Foundation
import Synchronization

/// Asks a job binary to describe itself before a tracker runs its first attempt, and says in one
/// line why it cannot run when it cannot: another architecture, a shared library the node lacks,
/// a task-runner protocol the tracker does not speak, or a program that is no job binary at all.
struct JobBinaryCheck: Sendable {
    /// The executable.
    let path: String
    /// How the binary is named in messages, e.g. `indexer@1a2b3c4d5e6f`.
    let name: String
    /// The tracker, named in messages.
    let tracker: String
    /// The environment the binary runs in.
    let environment: [String: String]
    /// How long the binary may take to describe itself.
    var timeout: Duration = .seconds(10)

    /// The binary's description; throws ``BinaryProblem`` when it cannot run here or anywhere.
    func describe() async throws -> BinaryDescription {
        let output = try await run()
        guard let description = try? JSONDecoder().decode(BinaryDescription.self, from: output) else {
            let start =
                String(decoding: output.prefix(80), as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
            throw problem(
                "it did not describe itself, so it is not a job binary built with MapReduceTool"
                    + (start.isEmpty ? " (it printed nothing)" : " (it printed: \(start))"),
                dependsOnNode: false
            )
        }
        guard TaskRunnerProtocol.supports(description.protocolVersion) else {
            throw problem(
                "it speaks task-runner protocol version \(description.protocolVersion); this tracker speaks \(TaskRunnerProtocol.supportedVersions) (rebuild the binary against this release)",
                dependsOnNode: false
            )
        }
        return description
    }

    /// Starts the binary with the describe argument and returns its standard output.
    private func run() async throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = [TaskRunnerProtocol.describeArgument]
        process.environment = environment
        process.currentDirectoryURL = URL(fileURLWithPath: (path as NSString).deletingLastPathComponent)
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        // Pipe() leaves its descriptors inheritable: a process another thread starts meanwhile (a
        // task, a daemon) would hold the write ends open, and reading to the end would wait for it.
        for pipe in [output, errors] {
            _ = fcntl(pipe.fileHandleForReading.fileDescriptor, F_SETFD, FD_CLOEXEC)
            _ = fcntl(pipe.fileHandleForWriting.fileDescriptor, F_SETFD, FD_CLOEXEC)
        }
        let exited = AsyncStream<Void>.makeStream()
        let ended = Mutex(false)
        let timedOut = Mutex(false)
        process.terminationHandler = { _ in
            ended.withLock { $0 = true }
            exited.continuation.finish()
        }
        do {
            try process.run()
        } catch {
            throw launchProblem(error)
        }
        async let standardOutput = Self.readToEnd(output.fileHandleForReading)
        async let standardError = Self.readToEnd(errors.fileHandleForReading)
        let pid = process.processIdentifier
        let timer = Task { [timeout] in
            try await Task.sleep(for: timeout)
            ended.withLock { done in
                guard !done else { return }
                timedOut.withLock { $0 = true }
                kill(pid, SIGKILL)
            }
        }
        for await _ in exited.stream {}
        timer.cancel()
        let stdout = await standardOutput
        let stderr = String(decoding: await standardError, as: UTF8.self)
        let lastLine = stderr.split(separator: "\n").last.map(String.init) ?? ""
        if process.terminationReason == .uncaughtSignal {
            if timedOut.withLock({ $0 }) {
                throw problem("it did not describe itself within \(timeout)", dependsOnNode: false)
            }
            throw problem(
                "it crashed with signal \(process.terminationStatus) when asked to describe itself",
                dependsOnNode: false
            )
        }
        let status = process.terminationStatus
        guard status == 0 else {
            if let missing = stderr.split(separator: "\n").first(where: {
                $0.contains("error while loading shared libraries")
            }) {
                throw problem(
                    "it cannot start on this node: \(missing.trimmingCharacters(in: .whitespaces)) (build it with --static-swift-stdlib, or install what it needs on the trackers)",
                    dependsOnNode: true
                )
            }
            if status == 126 || status == 127 {
                throw problem(
                    "it exited with status \(status) (something it needs is missing on this node)"
                        + (lastLine.isEmpty ? "" : ": \(lastLine)"),
                    dependsOnNode: true
                )
            }
            throw problem(
                "it exited with status \(status) when asked to describe itself"
                    + (lastLine.isEmpty ? "" : ": \(lastLine)"),
                dependsOnNode: false
            )
        }
        return stdout
    }

    private func launchProblem(_ error: any Error) -> BinaryProblem {
        let code = Self.posixCode(of: error as NSError)
        switch code {
        case ENOEXEC:
            return problem(
                "this node cannot execute it (exec format error: built for another architecture or not a program)",
                dependsOnNode: true
            )
        case EACCES:
            return problem("it is not executable here (permission denied)", dependsOnNode: true)
        case ENOENT:
            return problem("the file is missing or needs an interpreter this node lacks", dependsOnNode: true)
        default:
            return problem("it could not be started: \(error)", dependsOnNode: true)
        }
    }

    /// The `errno` behind a launch error: Foundation wraps it in a Cocoa error.
    private static func posixCode(of error: NSError) -> Int32 {
        if error.domain == NSPOSIXErrorDomain { return Int32(error.code) }
        guard let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError else { return 0 }
        return posixCode(of: underlying)
    }

    private func problem(_ cause: String, dependsOnNode: Bool) -> BinaryProblem {
        BinaryProblem(message: "job binary \(name) on tracker \(tracker): \(cause)", dependsOnNode: dependsOnNode)
    }

    /// Everything `handle` yields until its end, read on a dispatch thread so that the blocking
    /// read holds no thread of the concurrency pool and a long output cannot block the binary.
    private static func readToEnd(_ handle: FileHandle) async -> Data {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(returning: (try? handle.readToEnd()) ?? Data())
            }
        }
    }
}
