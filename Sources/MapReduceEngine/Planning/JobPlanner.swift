import MapReduce

/// Plans a job: runs its input formats over its input files to cut each phase into map tasks.
///
/// This is job code, so it runs where the job's code is: in the client that submits the job, or
/// in a setup task started from the job's binary. The JobTracker only ever sees the result.
public enum JobPlanner {
    /// The plan of `job` over `files`, with splits of about `splitSize` bytes for `slots` slots
    /// and `reducers` reduce tasks in each phase whose count is configurable.
    public static func plan(
        _ job: any Job,
        files: [InputFile],
        splitSize: Int64,
        reducers: Int,
        slots: Int
    ) throws -> JobPlan {
        try MapOnlyCheck.check(job, named: type(of: job).name, reducers: reducers)
        return JobPlan(
            phases: try job.phases.map { phase in
                PhasePlan(
                    name: phase.name,
                    mapTasks: try SplitPlanner.mapTasks(of: phase, files: files, splitSize: splitSize, slots: slots),
                    reduceCount: phase.reduceTaskCount(requested: reducers),
                    writesBroadcast: phase.writesBroadcast
                )
            }
        )
    }

    /// The reduce count a job gets when it names none: 2 or the cluster's slot count, whichever
    /// is larger.
    public static func defaultReducers(slots: Int) -> Int {
        max(2, slots)
    }
}
