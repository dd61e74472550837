/// The executable that runs a job's attempts on a tracker, and the task-runner protocol version
/// to write its requests in.
struct JobRunner: Sendable, Equatable {
    /// The job binary's path on the tracker.
    let path: String
    /// The version the binary described itself with.
    let protocolVersion: UInt16
}
