import Foundation

/// Runs a program to completion and captures what it printed.
public struct ProcessOutput: Sendable {
    /// The exit status.
    public let status: Int32
    /// Standard output.
    public let standardOutput: Data
    /// Standard error as text.
    public let standardError: String

    /// Standard output as text.
    public var text: String { String(decoding: standardOutput, as: UTF8.self) }

    /// Runs `executable` with `arguments`, in `directory` if given, feeding `input` on standard input;
    /// a process still running after `timeout` seconds is killed, so a hang fails the test instead of CI.
    public static func run(
        _ executable: String,
        _ arguments: [String],
        in directory: String? = nil,
        input: Data? = nil,
        environment: [String: String]? = nil,
        timeout: Double = 300
    ) throws -> ProcessOutput {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        if let environment { process.environment = environment }
        let output = Pipe()
        let error = Pipe()
        let stdin = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = stdin
        try process.run()
        let writer = Thread {
            if let input { stdin.fileHandleForWriting.write(input) }
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let errorData = Box()
        let reader = Thread { errorData.data = error.fileHandleForReading.readDataToEndOfFile() }
        reader.start()
        let watchdog = Thread {
            let deadline = Date().addingTimeInterval(timeout)
            while process.isRunning, Date() < deadline { usleep(50_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        watchdog.start()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while reader.isExecuting || !reader.isFinished { usleep(1000) }
        return ProcessOutput(
            status: process.terminationStatus,
            standardOutput: outputData,
            standardError: String(decoding: errorData.data, as: UTF8.self)
        )
    }

    /// Runs a shell command line with `/bin/sh -c`.
    public static func shell(_ command: String, in directory: String? = nil) throws -> ProcessOutput {
        try run("/bin/sh", ["-c", command], in: directory)
    }

    private final class Box: @unchecked Sendable {
        var data = Data()
    }
}
