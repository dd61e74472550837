/// A line a streaming command writes on standard error to talk to the framework, as in Hadoop
/// Streaming: `reporter:counter:GROUP,NAME,AMOUNT` or `reporter:status:MESSAGE`.
enum ReporterLine: Equatable {
    /// Adds `amount` to the job counter `name` (``StreamingProcess`` names it `GROUP.NAME`).
    case counter(name: String, amount: Int64)
    /// A status message for the attempt.
    case status(String)

    private static let counterPrefix = "reporter:counter:"
    private static let statusPrefix = "reporter:status:"

    /// The reporter line `line` is, or nil for any other line (or a counter line that does not
    /// parse, which is then logged like any other line).
    init?(_ line: Substring) {
        if line.hasPrefix(Self.statusPrefix) {
            self = .status(String(line.dropFirst(Self.statusPrefix.count)))
            return
        }
        guard line.hasPrefix(Self.counterPrefix) else { return nil }
        let fields = line.dropFirst(Self.counterPrefix.count).split(separator: ",", omittingEmptySubsequences: false)
        guard fields.count == 3, !fields[1].isEmpty, let amount = Int64(fields[2].trimmingSpaces) else { return nil }
        self = .counter(name: fields[0].isEmpty ? String(fields[1]) : "\(fields[0]).\(fields[1])", amount: amount)
    }
}

extension Substring {
    fileprivate var trimmingSpaces: Substring {
        var text = self
        while text.first == " " { text.removeFirst() }
        while text.last == " " || text.last == "\r" { text.removeLast() }
        return text
    }
}
