import Foundation
import MapReduce

/// The JobTracker's view of one registered TaskTracker.
struct TrackerRecord: Sendable {
    let id: String
    let host: String
    let shufflePort: Int
    let slots: Int
    var lastHeartbeat: Date
    var acceptsTasks = true
    /// Free bytes in its work directory at its last heartbeat, or -1 when unknown.
    var freeBytes: Int64 = -1
    /// Why it takes no tasks though it is not draining (low disk space), or empty.
    var refusal = ""
    /// The probe of its work directory's file system.
    var probe: FileSystemProbe?
    /// The jobs of the tracker's installed job binary.
    var installedJobs: [JobDescriptor] = []
}
