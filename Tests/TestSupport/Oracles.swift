import Foundation

/// Independent computations of the expected outputs, to compare jobs against.
public enum Oracles {
    /// Word counts by `LC_ALL=C tr -s '[:space:]' '\n' | sort | uniq -c`, run on each file alone
    /// (a file boundary ends a word), as `word<TAB>count` lines in byte order.
    public static func coreutilsWordCount(_ paths: [String]) throws -> [UInt8] {
        let quoted = paths.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let script = """
            export LC_ALL=C
            for f in \(quoted); do tr -s '[:space:]' '\\n' < "$f"; printf '\\n'; done | grep -av '^$' | sort | uniq -c \
            | sed 's/^ *\\([0-9][0-9]*\\) \\(.*\\)$/\\2\t\\1/'
            """
        let result = try ProcessOutput.shell(script)
        guard result.status == 0 else { throw OracleError(message: result.standardError) }
        return sortedLines([result.standardOutput])
    }

    /// The lines of every `part-*` file of a job's output directory, sorted by bytes, joined by `\n`.
    public static func sortedOutput(_ directory: String) throws -> [UInt8] {
        let parts = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasPrefix("part-") }
        return sortedLines(try parts.map { try Data(contentsOf: URL(fileURLWithPath: directory + "/" + $0)) })
    }

    /// The `uniq -c` lines (`   3 word`) of every `part-*` file of a job's output directory as
    /// `word<TAB>3` lines, sorted by bytes, as ``coreutilsWordCount(_:)`` gives them.
    public static func uniqCountsAsTabbedLines(_ directory: String) throws -> [UInt8] {
        let lines = try sortedOutput(directory).split(separator: 0x0A).map { line -> Data in
            let trimmed = line.drop { $0 == 0x20 }
            guard let space = trimmed.firstIndex(of: 0x20) else { return Data(trimmed) }
            return Data(trimmed[(space + 1)...] + [0x09] + trimmed[..<space])
        }
        return sortedLines(lines)
    }

    /// The non-empty lines of `chunks`, sorted by bytes, each ending in `\n`.
    public static func sortedLines(_ chunks: [Data]) -> [UInt8] {
        var lines = chunks.flatMap { $0.split(separator: 0x0A).map(Array.init) }
        lines.sort { $0.lexicographicallyPrecedes($1) }
        return Array(lines.joined(separator: [0x0A])) + (lines.isEmpty ? [] : [0x0A])
    }
}

/// An oracle command that failed.
public struct OracleError: Error, CustomStringConvertible {
    public let message: String

    public init(message: String) {
        self.message = message
    }

    public var description: String { message }
}
