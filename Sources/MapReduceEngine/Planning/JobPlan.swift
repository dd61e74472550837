import MapReduce

/// Everything a JobTracker needs to schedule a job without its code: each phase's map tasks and
/// reduce count.
///
/// Job code makes the plan (``JobPlanner``) where it may run: in the submitting client, which
/// reads its inputs as Hadoop's JobClient computes splits, or in a setup task that a tracker runs
/// from the job's binary when the inputs live on the cluster.
public struct JobPlan: Sendable, Equatable, Codable {
    /// The phases, in the order they run.
    public var phases: [PhasePlan]

    /// Creates a plan.
    public init(phases: [PhasePlan]) {
        self.phases = phases
    }

    /// Every file a split of the plan names, in order of first appearance (generated splits name none).
    public var inputPaths: [String] {
        var seen = Set<String>()
        return phases.flatMap { $0.mapTasks.joined() }.filter { !$0.isGenerated }.map(\.path)
            .filter { seen.insert($0).inserted }
    }

    /// The plan with every split's file renamed by `rename` (local paths to their uploaded copies).
    public func renamingInputs(_ rename: (String) -> String) -> JobPlan {
        JobPlan(
            phases: phases.map { phase in
                var renamed = phase
                renamed.mapTasks = phase.mapTasks.map { task in
                    task.map { InputSplit(path: rename($0.path), start: $0.start, length: $0.length) }
                }
                return renamed
            }
        )
    }
}
