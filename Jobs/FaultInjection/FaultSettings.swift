import Foundation
import MapReduce

/// The parameters of the fault-injection jobs, read once per task.
struct FaultSettings {
    /// Records containing this text trigger the fault (`-D fault.pattern=…`, default `FAULT`).
    let pattern: [UInt8]
    /// Seconds `fault-sleep` sleeps on each triggering record (`-D fault.sleep-seconds=…`, default 30).
    let sleepSeconds: Double
    /// Attempts numbered below this sleep; later attempts (backups, retries) run at full speed
    /// (`-D fault.slow-attempts=…`, default 1).
    let slowAttempts: Int
    /// The chance that a `fault-exit` attempt exits with status 3 (`-D fault.exit-probability=…`, default 0.25).
    let exitProbability: Double
    /// The seed of `fault-exit`'s choices (`-D fault.seed=…`, default 1); with the task and attempt
    /// it decides, the same every run.
    let seed: UInt64

    init(_ parameters: JobParameters) throws {
        pattern = Array((parameters["fault.pattern"] ?? "FAULT").utf8)
        sleepSeconds = Double(parameters["fault.sleep-seconds"] ?? "30") ?? 30
        slowAttempts = try parameters.int("fault.slow-attempts", default: 1)
        exitProbability = Double(parameters["fault.exit-probability"] ?? "0.25") ?? 0.25
        seed = UInt64(try parameters.int("fault.seed", default: 1))
    }

    /// Whether `line` contains the pattern.
    func matches(_ line: ByteSlice) -> Bool {
        guard !pattern.isEmpty, line.count >= pattern.count else { return pattern.isEmpty }
        for start in 0...(line.count - pattern.count) where line[start] == pattern[0] {
            if (0..<pattern.count).allSatisfy({ line[start + $0] == pattern[$0] }) { return true }
        }
        return false
    }
}
