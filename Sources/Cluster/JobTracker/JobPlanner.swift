import Foundation
import JobCatalog
import MapReduce
import MapReduceEngine

/// Turns a submission into the job's phases and a phase into its map tasks' splits.
struct JobPlanner: Sendable {
    let request: SubmitJobRequest
    let phases: [Phase]
    let files: [InputFile]
    let reduceDefault: Int

    /// Checks a submission: the job exists, its parameters are valid and its inputs readable.
    init(request: SubmitJobRequest, reduceDefault: Int) throws {
        guard let jobType = JobCatalog.job(named: request.job) else {
            throw InputError(path: request.job, problem: "no such job (see `mrsubmit jobs`)")
        }
        self.request = request
        phases = try jobType.init(parameters: request.parameters).phases
        files = try InputPaths.expand(request.inputs)
        self.reduceDefault = reduceDefault
    }

    /// The map tasks' splits of phase `index` when `slots` slots share the work.
    func splits(ofPhase index: Int, slots: Int) throws -> [[InputSplit]] {
        try SplitPlanner.mapTasks(of: phases[index], files: files, splitSize: request.splitSize, slots: slots)
    }

    /// The number of reduce tasks of phase `index`.
    func reduceCount(ofPhase index: Int) -> Int {
        phases[index].reduceTaskCount(requested: request.reducers > 0 ? request.reducers : reduceDefault)
    }
}
