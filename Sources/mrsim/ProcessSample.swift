import Foundation

/// A process's CPU time and memory at one moment, read from `/proc`, or this process's own
/// CPU time from `getrusage`.
struct ProcessSample: Sendable {
    /// User plus system CPU seconds so far.
    var cpuSeconds: Double
    /// Resident set size now, in bytes (0 for this process).
    var residentBytes: Int64
    /// Peak resident set size so far (VmHWM), in bytes.
    var peakResidentBytes: Int64
    /// When it was taken.
    var at: ContinuousClock.Instant

    /// Reads process `pid`; nil when it cannot be read (gone, or not on this machine).
    static func of(pid: Int32) -> ProcessSample? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        func kilobytes(_ key: String) -> Int64 {
            let line = status.split(separator: "\n").first { $0.hasPrefix(key + ":") }
            let words = line?.split(whereSeparator: { $0 == " " || $0 == "\t" }) ?? []
            return words.dropFirst().first.flatMap { Int64($0) }.map { $0 * 1024 } ?? 0
        }
        return ProcessSample(
            cpuSeconds: (user + system) / ticks,
            residentBytes: kilobytes("VmRSS"),
            peakResidentBytes: kilobytes("VmHWM"),
            at: .now
        )
    }

    /// This process's CPU time so far.
    static func ofSelf() -> ProcessSample {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return ProcessSample(
            cpuSeconds: seconds(usage.ru_utime) + seconds(usage.ru_stime),
            residentBytes: 0,
            peakResidentBytes: Int64(usage.ru_maxrss) * 1024,
            at: .now
        )
    }

    /// Cores used between `earlier` and this sample.
    func cores(since earlier: ProcessSample) -> Double {
        let wall = (at - earlier.at).milliseconds / 1000
        return wall > 0 ? (cpuSeconds - earlier.cpuSeconds) / wall : 0
    }
}
