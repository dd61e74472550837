import CProcessControl
import Foundation
import Glibc
import MapReduce

/// A streaming command running under `/bin/sh -c`, fed input lines on its standard input while
/// its standard output is read as lines, from one thread that polls both pipes so that neither
/// side can block the other on a full pipe.
///
/// Input gathers in a block and is written when the block is full; output is read in large
/// blocks and cut into lines lent to the caller. Memory stays bounded by those blocks and the
/// longest line, whatever the command writes. Lines the command writes on standard error are
/// ``ReporterLine``s, which become counters, or log lines, which go to the attempt's log (this
/// process's standard error). When the command stops reading its input and closes it, the rest
/// of the input is dropped and, if it then exits with status 0, the task succeeds (Hadoop's
/// broken-pipe rule with no minimum of records read).
final class StreamingProcess {
    /// How many bytes of input lines gather before they are written to the command.
    static let blockSize = 1 << 16
    /// The most bytes read from the command at once.
    static let readSize = 1 << 17
    /// How many lines of standard error a failure repeats.
    static let tailLines = 5

    let role: String
    let command: String
    private var processID: pid_t = 0
    private var inputDescriptor: Int32 = -1
    private var outputDescriptor: Int32 = -1
    private var errorDescriptor: Int32 = -1
    private var input: [UInt8] = []
    private var written = 0
    private let readBuffer: UnsafeMutableRawBufferPointer
    private var outputLines = LineSplitter()
    private var errorLines = LineSplitter()
    private var log: [UInt8] = []
    private var stderrTail: [String] = []
    private var reaped = false
    /// Counters the command reported on standard error.
    private(set) var counters = Counters()
    /// Hears the status messages the command reports on standard error.
    private let status: (String) -> Void

    /// Starts `command` under `/bin/sh -c` in `directory`; `role` names it in errors, and `status`
    /// hears its `reporter:status:` messages.
    init(role: String, command: String, directory: String, status: @escaping (String) -> Void = { _ in }) throws {
        self.role = role
        self.command = command
        self.status = status
        readBuffer = .allocate(byteCount: Self.readSize, alignment: 16)
        input.reserveCapacity(Self.blockSize * 2)
        signal(SIGPIPE, SIG_IGN)
        try spawn(directory: directory)
    }

    deinit {
        for descriptor in [inputDescriptor, outputDescriptor, errorDescriptor] where descriptor >= 0 { close(descriptor) }
        if processID > 0 && !reaped {
            kill(processID, SIGKILL)
            var status: Int32 = 0
            while waitpid(processID, &status, 0) < 0 && errno == EINTR {}
        }
        readBuffer.deallocate()
    }

    /// Adds input with `build`, then, once a block has gathered, writes it to the command while
    /// passing each line it writes meanwhile to `output`.
    func send(_ build: (inout [UInt8]) -> Void, output: (ByteSlice) throws -> Void) throws {
        if inputDescriptor >= 0 { build(&input) }
        if input.count - written >= Self.blockSize { try pump(finishing: false, output: output) }
    }

    /// Writes the rest of the input, closes it, passes every remaining output line to `output`,
    /// and waits for the command to end.
    ///
    /// - Throws: ``StreamingFailure`` when the command exits with another status than 0 or dies
    ///   on a signal.
    func finish(output: (ByteSlice) throws -> Void) throws {
        try pump(finishing: true, output: output)
        var status: Int32 = 0
        while waitpid(processID, &status, 0) < 0 {
            guard errno == EINTR else { throw SystemError(path: command, action: "cannot wait for the \(role)") }
        }
        reaped = true
        flushLog()
        if let ending = StreamingFailure.ending(waitStatus: status) {
            throw StreamingFailure(role: role, command: command, ending: ending, stderrTail: stderrTail)
        }
    }

    private func spawn(directory: String) throws {
        let environment: [UnsafeMutablePointer<CChar>?] =
            ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for string in environment { free(string) } }
        var descriptors: [Int32] = [-1, -1, -1]
        let result = mr_spawn_shell(command, directory, environment, &descriptors, &processID)
        guard result == 0 else {
            throw SystemError(path: directory, action: "cannot start the streaming \(role) `\(command)` with /bin/sh", code: result)
        }
        (inputDescriptor, outputDescriptor, errorDescriptor) = (descriptors[0], descriptors[1], descriptors[2])
    }

    /// Moves bytes until the gathered input is written (or, `finishing`, until the command has
    /// closed its output and standard error), serving whichever pipe is ready.
    private func pump(finishing: Bool, output: (ByteSlice) throws -> Void) throws {
        var descriptors = [pollfd](repeating: pollfd(), count: 3)
        while true {
            let wantsWrite = inputDescriptor >= 0 && written < input.count
            if finishing && !wantsWrite && inputDescriptor >= 0 {
                close(inputDescriptor)
                inputDescriptor = -1
            }
            if !finishing && !wantsWrite { return }
            if finishing && outputDescriptor < 0 && errorDescriptor < 0 && inputDescriptor < 0 { return }
            descriptors[0] = pollfd(fd: wantsWrite ? inputDescriptor : -1, events: Int16(POLLOUT), revents: 0)
            descriptors[1] = pollfd(fd: outputDescriptor, events: Int16(POLLIN), revents: 0)
            descriptors[2] = pollfd(fd: errorDescriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptors, 3, -1) >= 0 else {
                if errno == EINTR { continue }
                throw SystemError(path: command, action: "cannot wait for the streaming \(role)")
            }
            if descriptors[0].revents != 0 { try writeInput() }
            if descriptors[1].revents != 0 { try readOutput(output) }
            if descriptors[2].revents != 0 { try readErrors() }
        }
    }

    private func writeInput() throws {
        let count = input.withUnsafeBytes { bytes in
            Glibc.write(inputDescriptor, bytes.baseAddress! + written, bytes.count - written)
        }
        if count >= 0 {
            written += count
            if written == input.count {
                input.removeAll(keepingCapacity: true)
                written = 0
            }
            return
        }
        switch errno {
        case EAGAIN, EINTR: return
        case EPIPE:
            close(inputDescriptor)
            inputDescriptor = -1
            input.removeAll(keepingCapacity: true)
            written = 0
        default: throw SystemError(path: command, action: "cannot write to the streaming \(role)")
        }
    }

    private func readOutput(_ output: (ByteSlice) throws -> Void) throws {
        guard let block = try read(from: outputDescriptor) else {
            close(outputDescriptor)
            outputDescriptor = -1
            try outputLines.finish(output)
            return
        }
        try outputLines.feed(block, output)
    }

    private func readErrors() throws {
        guard let block = try read(from: errorDescriptor) else {
            close(errorDescriptor)
            errorDescriptor = -1
            errorLines.finish(noteErrorLine)
            flushLog()
            return
        }
        errorLines.feed(block, noteErrorLine)
        flushLog()
    }

    /// The bytes a read returned, empty when none were ready, nil at the end of the stream.
    private func read(from descriptor: Int32) throws -> UnsafeRawBufferPointer? {
        let count = Glibc.read(descriptor, readBuffer.baseAddress, readBuffer.count)
        if count > 0 { return UnsafeRawBufferPointer(rebasing: readBuffer[..<count]) }
        if count == 0 { return nil }
        guard errno == EAGAIN || errno == EINTR else {
            throw SystemError(path: command, action: "cannot read from the streaming \(role)")
        }
        return UnsafeRawBufferPointer(start: nil, count: 0)
    }

    private func noteErrorLine(_ line: ByteSlice) {
        let text = line.string
        switch ReporterLine(text[...]) {
        case .counter(let name, let amount)?:
            counters.increment(name, by: amount)
        case .status(let message)?:
            log.append(contentsOf: "streaming \(role) status: \(message)\n".utf8)
            status(message)
        case nil:
            log.append(contentsOf: line.buffer)
            log.append(0x0A)
            stderrTail.append(text)
            if stderrTail.count > Self.tailLines { stderrTail.removeFirst() }
        }
    }

    private func flushLog() {
        guard !log.isEmpty else { return }
        log.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let count = Glibc.write(2, bytes.baseAddress! + offset, bytes.count - offset)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { break }
                offset += count
            }
        }
        log.removeAll(keepingCapacity: true)
    }
}
