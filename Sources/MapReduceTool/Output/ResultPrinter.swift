import Foundation
import MapReduce
import MapReduceEngine

/// Renders the end-of-job summary: top records, counters, output path and elapsed time.
struct ResultPrinter {
    let job: any Job.Type
    let result: JobResult
    /// The files a file-per-input job wrote, listed instead of the output directory.
    var outputFiles: [String] = []
    /// Inputs found in directories and skipped, with the reason.
    var skippedInputs: [(path: String, reason: String)] = []

    func render() throws -> String {
        var text = ""
        if case .topValues(let count, let label, let showsTotal) = job.resultSummary {
            let top = try TopValues.read(directory: result.outputPath, count: count)
            text += "Top \(min(count, top.best.count)) \(label):\n"
            let width = top.best.map { String($0.value).count }.max() ?? 1
            for entry in top.best {
                let value = String(entry.value)
                text += "  \(String(repeating: " ", count: width - value.count))\(value)  \(entry.key)\n"
            }
            if showsTotal { text += "Total: \(top.total) over \(top.records) \(label)\n" }
        }
        if case .report(let prefix) = job.resultSummary {
            let names = try FileManager.default.contentsOfDirectory(atPath: result.outputPath).filter {
                $0.hasPrefix(prefix)
            }
            for name in names.sorted() {
                text += try String(contentsOfFile: result.outputPath + "/" + name, encoding: .utf8)
            }
        }
        for skipped in skippedInputs { text += "Skipped \(skipped.path): \(skipped.reason)\n" }
        text += "Counters:\n"
        let counters = result.counters
        var rows: [(String, Int64)] = Counters.Framework.allCases.map { ($0.rawValue, counters[$0]) }
        rows += counters.jobCounters.map { ($0.name, $0.value) }
        let nameWidth = rows.map(\.0.count).max() ?? 0
        for (name, value) in rows {
            text += "  \(name.padding(toLength: nameWidth, withPad: " ", startingAt: 0))  \(value)\n"
        }
        if outputFiles.isEmpty {
            text += "Output: \(result.outputPath)\n"
        } else {
            for file in outputFiles { text += "Output: \(file)\n" }
        }
        if result.failedAttempts > 0 { text += "Failed attempts (run again): \(result.failedAttempts)\n" }
        text += "Job \(result.job) succeeded in \(String(format: "%.2f", result.elapsedSeconds)) s\n"
        if let verdict = try verdict() { text += verdict + "\n" }
        return text
    }

    /// The verdict line of a job whose summary is a ``ResultSummary/verdict(fileNamePrefix:)``:
    /// the first line of its first report file, or a line saying there is none; nil for other jobs.
    func verdict() throws -> String? {
        guard case .verdict(let prefix) = job.resultSummary else { return nil }
        let names = try FileManager.default.contentsOfDirectory(atPath: result.outputPath).filter {
            $0.hasPrefix(prefix)
        }
        guard let first = names.sorted().first else { return "invalid: the job wrote no report" }
        let report = try String(contentsOfFile: result.outputPath + "/" + first, encoding: .utf8)
        return String(report.prefix { $0 != "\n" })
    }

    /// Whether the job passed its check: true unless its verdict is not `valid…`.
    func passed() throws -> Bool {
        try verdict().map { $0.hasPrefix("valid") } ?? true
    }
}

/// The records with the largest integer values in a text output directory, and their sum.
struct TopValues {
    var best: [(key: String, value: Int64)] = []
    var total: Int64 = 0
    var records = 0

    /// Reads every `part-*` file of `directory`, keeping the `count` largest values (ties by key).
    static func read(directory: String, count: Int) throws -> TopValues {
        var top = TopValues()
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasPrefix("part-") }
            .sorted()
        for name in names {
            let data = try Data(contentsOf: URL(fileURLWithPath: directory + "/" + name))
            data.withUnsafeBytes { bytes in top.scan(bytes, keep: count) }
        }
        return top
    }

    /// Reads `key<TAB>integer` lines without building a string per line: only keys that enter
    /// the top list become strings.
    private mutating func scan(_ bytes: UnsafeRawBufferPointer, keep: Int) {
        var lineStart = 0
        var tab = -1
        for index in 0...bytes.count {
            let byte: UInt8 = index < bytes.count ? bytes[index] : 0x0A
            if byte == 0x09 { tab = index }
            guard byte == 0x0A else { continue }
            defer {
                lineStart = index + 1
                tab = -1
            }
            guard tab >= lineStart, let value = Self.integer(bytes, from: tab + 1, to: index) else { continue }
            records += 1
            total &+= value
            if best.count == keep, let last = best.last, value < last.value { continue }
            offer(
                key: String(decoding: UnsafeRawBufferPointer(rebasing: bytes[lineStart..<tab]), as: UTF8.self),
                value: value,
                keep: keep
            )
        }
    }

    /// The decimal integer in `bytes[start..<end]`, or nil.
    private static func integer(_ bytes: UnsafeRawBufferPointer, from start: Int, to end: Int) -> Int64? {
        guard start < end else { return nil }
        var value: Int64 = 0
        var index = start
        let negative = bytes[start] == UInt8(ascii: "-")
        if negative { index += 1 }
        guard index < end else { return nil }
        while index < end {
            let digit = bytes[index] &- 0x30
            guard digit < 10 else { return nil }
            value = value &* 10 &+ Int64(digit)
            index += 1
        }
        return negative ? -value : value
    }

    private mutating func offer(key: String, value: Int64, keep: Int) {
        if best.count == keep, let last = best.last, (last.value, key) >= (value, last.key) { return }
        let position = best.firstIndex { ($0.value, key) < (value, $0.key) } ?? best.count
        best.insert((key, value), at: position)
        if best.count > keep { best.removeLast() }
    }
}
