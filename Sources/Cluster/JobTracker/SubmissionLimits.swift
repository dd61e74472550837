import MapReduce
import MapReduceEngine

/// The bounds a JobTracker puts on every submission, so that no request, however written, can
/// exhaust its memory or run for hours: reducers, tasks per job, split and buffer sizes.
///
/// The client checks the same defaults before it uploads anything; the JobTracker checks its own
/// configured limits and refuses with one line.
public struct SubmissionLimits: Sendable, Equatable {
    /// The most reduce tasks a phase may ask for (`jobtracker --max-reducers`, default 10,000).
    public var maximumReducers: Int
    /// The most tasks a job may have, maps and reduces of all phases (`--max-tasks`, default 200,000).
    public var maximumTasks: Int

    /// The split sizes accepted: small enough to test with, large enough that a split is worth a task.
    public static let splitSizes: ClosedRange<Int64> = (4 << 10)...(1 << 40)
    /// The map output buffer sizes accepted: a buffer must hold a useful run; more than 16 GiB
    /// is no buffer but a bug.
    public static let mapBufferSizes: ClosedRange<Int> = (1 << 20)...(16 << 30)

    /// Creates limits with the documented defaults.
    public init(maximumReducers: Int = 10_000, maximumTasks: Int = 200_000) {
        self.maximumReducers = maximumReducers
        self.maximumTasks = maximumTasks
    }

    /// Refuses a submission whose settings are out of bounds.
    public func check(_ request: SubmitJobRequest) throws(InputError) {
        if let reducers = request.reducers, !(0...maximumReducers).contains(reducers) {
            throw InputError(
                path: request.job,
                problem: "--reducers \(reducers) is out of range (0 to \(maximumReducers) on this cluster)"
            )
        }
        guard Self.splitSizes.contains(request.splitSize) else {
            throw InputError(
                path: request.job,
                problem:
                    "--split-size \(request.splitSize) is out of range (\(ByteCountText.describe(Self.splitSizes.lowerBound)) to \(ByteCountText.describe(Self.splitSizes.upperBound)))"
            )
        }
        guard Self.mapBufferSizes.contains(request.mapBufferSize) else {
            throw InputError(
                path: request.job,
                problem:
                    "--map-buffer \(request.mapBufferSize) is out of range (\(ByteCountText.describe(Int64(Self.mapBufferSizes.lowerBound))) to \(ByteCountText.describe(Int64(Self.mapBufferSizes.upperBound))))"
            )
        }
        if let plan = request.plan { try check(plan, of: request.job) }
    }

    /// Refuses a plan with too many tasks or too many reducers in a phase.
    public func check(_ plan: JobPlan, of job: String) throws(InputError) {
        var tasks = 0
        for phase in plan.phases {
            guard (0...maximumReducers).contains(phase.reduceCount) else {
                throw InputError(
                    path: job,
                    problem:
                        "phase \(phase.name) has \(phase.reduceCount) reduce tasks; this cluster allows at most \(maximumReducers)"
                )
            }
            tasks += phase.mapTasks.count + phase.reduceCount
        }
        guard tasks <= maximumTasks else {
            throw InputError(
                path: job,
                problem:
                    "the job would have \(tasks) tasks; this cluster allows at most \(maximumTasks) (use a larger --split-size)"
            )
        }
    }
}
