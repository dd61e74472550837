import Foundation

/// The most memory one attempt may allocate (`--task-memory`), so that a job cannot take its node
/// down: the task runner sets it on itself with `setrlimit(RLIMIT_DATA)` at start, before any job
/// code runs (Foundation's `Process` cannot set limits between fork and exec), from the variable
/// the tracker puts in its environment. The limit counts the heap, anonymous mappings and thread
/// stacks, not mapped files or code; an allocation beyond it fails, and the attempt with it.
public enum TaskMemoryLimit {
    /// The variable that carries the limit in bytes to the task runner.
    public static let variable = "MR_TASK_MEMORY_BYTES"

    /// Sets the limit named in `environment` on this process; returns it, or nil when there is
    /// none. Throws one line when the value is bad or the kernel refuses it.
    @discardableResult
    public static func apply(from environment: [String: String]) throws -> Int64? {
        guard let text = environment[variable] else { return nil }
        guard let bytes = Int64(text), bytes > 0 else {
            throw ClusterError(message: "\(variable)=\(text): expected a positive number of bytes")
        }
        var limit = rlimit(rlim_cur: rlim_t(bytes), rlim_max: rlim_t(bytes))
        guard setrlimit(Int32(RLIMIT_DATA.rawValue), &limit) == 0 else {
            throw ClusterError(
                message: "cannot limit the task's memory to \(bytes) bytes: \(String(cString: strerror(errno)))"
            )
        }
        return bytes
    }

    /// Whether the last lines of a failed task say that memory ran out.
    static func ranOut(_ lines: [String]) -> Bool {
        lines.contains { line in
            let lower = line.lowercased()
            return ["failed to allocate", "could not allocate", "cannot allocate memory", "out of memory"].contains {
                lower.contains($0)
            }
        }
    }
}
