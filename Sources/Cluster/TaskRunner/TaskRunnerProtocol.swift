/// The task-runner protocol between a tracker and a job binary, versioned apart from the wire
/// protocol so that a binary built against one release runs on the next.
///
/// A tracker starts a job binary in one of two ways:
///
/// ```
/// <binary> --mapreduce-describe                       prints a BinaryDescription as JSON, exits 0
/// <binary> --mapreduce-task <request> <result>        runs one attempt (TaskRunRequest → TaskRunResult)
/// ```
///
/// The request file opens with the protocol version it is written in (a big-endian `u16`); the
/// tracker writes it in the version the binary described, which must be one the tracker
/// ``supports(_:)``: the current one or the one before it.
public enum TaskRunnerProtocol {
    /// The version this build speaks.
    public static let version: UInt16 = 2

    /// The argument that asks a job binary to describe itself.
    public static let describeArgument = "--mapreduce-describe"

    /// The argument that asks a job binary to run one attempt.
    public static let taskArgument = "--mapreduce-task"

    /// Whether a tracker of this build can drive a binary speaking `version`.
    public static func supports(_ version: UInt16) -> Bool {
        version == self.version || (self.version > 1 && version == self.version - 1)
    }

    /// The versions a tracker of this build accepts, for error messages.
    public static var supportedVersions: String {
        version > 1 ? "\(version - 1) or \(version)" : "\(version)"
    }
}
