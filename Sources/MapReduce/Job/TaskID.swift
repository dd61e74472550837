/// A task's identity: its job, phase, kind and index, printed `task_<stamp>_<seq>_m_000003`.
///
/// Tasks of a job's second and later phases carry the phase number: `task_<stamp>_<seq>_p2_r_000000`.
/// A job whose client could not plan it starts with a setup task, `task_<stamp>_<seq>_s_000000`,
/// which plans it on a tracker (Hadoop's job setup task).
public struct TaskID: Hashable, Sendable, Codable, Comparable, CustomStringConvertible, LosslessStringConvertible {
    /// Whether a task maps, reduces or sets the job up.
    public enum Kind: String, Sendable, Codable {
        /// Reads splits and emits pairs for the shuffle.
        case map = "m"
        /// Merges one partition of the map outputs and writes output.
        case reduce = "r"
        /// Plans a job from its binary on a tracker, before its first phase.
        case setup = "s"

        /// The kind's name in logs, metrics and the console: `map`, `reduce` or `setup`.
        public var name: String {
            switch self {
            case .map: "map"
            case .reduce: "reduce"
            case .setup: "setup"
            }
        }
    }

    /// The job.
    public let job: JobID
    /// The phase, counted from 0.
    public let phase: Int
    /// Map, reduce or setup.
    public let kind: Kind
    /// The task's index among the phase's tasks of its kind; for reduces, the partition.
    public let index: Int

    /// Creates an id.
    public init(job: JobID, phase: Int = 0, kind: Kind, index: Int) {
        self.job = job
        self.phase = phase
        self.kind = kind
        self.index = index
    }

    /// Parses the printed form.
    public init?(_ description: String) {
        guard
            let id = IDScanner.parse(description, { scanner in scanner.skip("task_") ? scanner.task() : nil })
        else { return nil }
        self = id
    }

    /// The printed form without the `task_` prefix.
    var body: String {
        let phaseTag = phase == 0 ? "" : "_p\(phase + 1)"
        return "\(job.suffix)\(phaseTag)_\(kind.rawValue)_\(JobID.padded(index, width: 6))"
    }

    /// The printed form, `task_<stamp>_<seq>_m_000003`.
    public var description: String { "task_\(body)" }

    /// The name of a reduce task's output file, `part-r-00003`, or of a map-only job's map task,
    /// `part-m-00003`.
    public var partFileName: String { "part-\(kind.rawValue)-\(JobID.padded(index, width: 5))" }

    /// Orders tasks by job, phase, kind and index.
    public static func < (lhs: TaskID, rhs: TaskID) -> Bool {
        (lhs.job, lhs.phase, lhs.kind.rawValue, lhs.index) < (rhs.job, rhs.phase, rhs.kind.rawValue, rhs.index)
    }
}
