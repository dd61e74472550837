import MapReduce

/// Decides whether a job may run map-only (`--reducers 0`, Hadoop's `setNumReduceTasks(0)`).
public enum MapOnlyCheck {
    /// Why a phase cannot run map-only.
    static let unsupported = "cannot run map-only (--reducers 0): its output format does not take the map output"

    /// Refuses, in one line, a request for 0 reduce tasks that one of `job`'s phases cannot honour:
    /// every phase must then have a configurable reduce count, write the job's output (not a
    /// broadcast) and have an output format for its map output.
    public static func check(_ job: any Job, named name: String, reducers: Int) throws {
        guard reducers == 0 else { return }
        for phase in job.phases {
            let problem: String? =
                if phase.reduceTasks != .configurable, phase.reduceTasks != .exactly(0) {
                    "phase \(phase.name) needs its reduce tasks"
                } else if phase.writesBroadcast {
                    "phase \(phase.name) hands its reduce output to the next phase"
                } else if !phase.supportsMapOnly {
                    "the output format of phase \(phase.name) does not take its map output's key and value"
                } else {
                    nil
                }
            if let problem {
                throw InputError(path: name, problem: "cannot run map-only (--reducers 0): \(problem)")
            }
        }
    }
}
