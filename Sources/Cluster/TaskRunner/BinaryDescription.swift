import MapReduce

/// What a job binary prints when asked to describe itself: the task-runner protocol it speaks and
/// its jobs.
public struct BinaryDescription: Sendable, Equatable, Codable {
    /// The binary's task-runner protocol version (``TaskRunnerProtocol/version`` when it was built).
    public var protocolVersion: UInt16
    /// The jobs it can run.
    public var jobs: [JobDescriptor]

    /// Creates a description.
    public init(protocolVersion: UInt16 = TaskRunnerProtocol.version, jobs: [JobDescriptor]) {
        self.protocolVersion = protocolVersion
        self.jobs = jobs
    }

    /// The job named `name`, if the binary has it.
    public func job(named name: String) -> JobDescriptor? {
        jobs.first { $0.name == name }
    }
}
