import Glibc

/// A streaming command that did not succeed, said in one line: which command, how it ended, and
/// the last lines it wrote on standard error.
struct StreamingFailure: Error, CustomStringConvertible {
    /// `mapper`, `reducer` or `combiner`.
    let role: String
    /// The command as the job was given it.
    let command: String
    /// How it ended, e.g. `exited with status 3`.
    let ending: String
    /// Its last lines of standard error, oldest first.
    let stderrTail: [String]

    /// The most characters of one standard error line the message repeats.
    static let lineLimit = 300

    var description: String {
        var text = "streaming \(role) `\(command)` \(ending)"
        if !stderrTail.isEmpty {
            text += "; its standard error ended: " + stderrTail.map { String($0.prefix(Self.lineLimit)) }.joined(separator: " | ")
        }
        return text
    }

    /// How a process with wait status `status` ended, or nil when it exited with status 0.
    static func ending(waitStatus status: Int32) -> String? {
        let signal = status & 0x7F
        if signal == 0 {
            let code = (status >> 8) & 0xFF
            switch code {
            case 0: return nil
            case 126: return "exited with status 126 (command not executable)"
            case 127: return "exited with status 127 (command not found)"
            default: return "exited with status \(code)"
            }
        }
        return "was killed by signal \(signal) (\(String(cString: strsignal(signal))))"
    }
}
