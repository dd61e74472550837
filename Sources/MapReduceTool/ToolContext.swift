import Cluster
import Foundation
import MapReduce
import Synchronization

/// The running tool as its commands see it: its name, its jobs and how it ships them.
struct ToolContext: Sendable {
    /// The name in usage lines: the executable's file name.
    let name: String
    /// The jobs the tool runs.
    let jobs: [any Job.Type]
    /// How a cluster gets the jobs' code.
    let shipping: JobToolShipping
    /// The tool's own executable, which trackers of an embedded cluster run attempts with and
    /// which the tool ships to a named cluster.
    let executablePath: String

    /// The job called `name`, if the tool has it.
    func job(named name: String) -> (any Job.Type)? {
        jobs.first { $0.name == name }
    }

    /// The binary that runs the tool's jobs on an embedded cluster: for tools whose jobs are
    /// installed on trackers, the installed `mrtask` beside the tool when there is one (it starts
    /// faster than a tool that also carries a command line and a web console); else the tool.
    var embeddedTaskRunner: String {
        guard shipping == .installedOnTrackers else { return executablePath }
        let sibling = TaskTrackerConfiguration.siblingExecutable("mrtask")
        return FileManager.default.isExecutableFile(atPath: sibling) ? sibling : executablePath
    }

    /// The description trackers of an embedded cluster give of their installed binary.
    var description: BinaryDescription {
        BinaryDescription(jobs: jobs.map(JobDescriptor.init))
    }

    private static let shared = Mutex<ToolContext?>(nil)

    /// The running tool; set once by ``JobToolMain``.
    static var current: ToolContext {
        get {
            guard let context = shared.withLock({ $0 }) else { preconditionFailure("JobToolMain has not started") }
            return context
        }
        set { shared.withLock { $0 = newValue } }
    }
}
