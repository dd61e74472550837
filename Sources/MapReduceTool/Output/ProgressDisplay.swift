import Foundation
import MapReduceEngine
import Synchronization

/// Shows a job's progress on a terminal, `map 63% reduce 20%`, redrawn in place when it changes.
final class ProgressDisplay: Sendable {
    private let enabled: Bool
    private let last = Mutex<String?>(nil)

    init(enabled: Bool) {
        self.enabled = enabled
    }

    /// Draws `progress` if its line differs from the one shown.
    @Sendable func show(_ progress: JobProgress) {
        guard enabled else { return }
        let line = progress.line
        let changed = last.withLock { last in
            defer { last = line }
            return last != line
        }
        if changed { FileHandle.standardError.write(Data("\r\u{1B}[K\(line)".utf8)) }
    }

    /// Prints `line` on a line of its own, above the progress line when one is shown.
    @Sendable func note(_ line: String) {
        let redrawn = last.withLock { enabled ? $0 : nil }
        let text = redrawn.map { "\r\u{1B}[K\(line)\n\($0)" } ?? "\(line)\n"
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Ends the progress line.
    func finish() {
        guard enabled, last.withLock({ $0 != nil }) else { return }
        FileHandle.standardError.write(Data("\n".utf8))
    }
}
