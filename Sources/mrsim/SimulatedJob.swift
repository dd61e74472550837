import Cluster
import Foundation
import MapReduce
import MapReduceEngine
import Wire

/// A job for simulated trackers: `maps` map tasks and `reduces` reduce tasks of the job the
/// trackers advertise, submitted with its plan so that no setup task reads any input.
///
/// Every map's split names one byte of a file uploaded to the JobTracker's staging area (the
/// JobTracker checks that a plan's inputs exist), which no simulated tracker reads.
struct SimulatedJob: Sendable {
    let maps: Int
    let reduces: Int

    /// What became of the job.
    struct Outcome: Sendable {
        var job: JobID
        var state: JobRunState
        var failure: String
        var submitted: ContinuousClock.Instant
        var ended: ContinuousClock.Instant
    }

    /// Submits the job through `client` and follows it until it ends or `deadline` passes (then
    /// the state is the last one heard).
    func run(on client: ClusterClient, until deadline: ContinuousClock.Instant) async throws -> Outcome {
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("mrsim-\(UUID().uuidString).input")
            .path
        try Data("x".utf8).write(to: URL(fileURLWithPath: input))
        defer { try? FileManager.default.removeItem(atPath: input) }
        return try await client.withConnection { connection in
            let staged = try await client.upload(
                [InputFile(path: input, size: 1)],
                names: ["input"],
                on: connection
            )[0]
            let split = InputSplit(path: staged, start: 0, length: 1)
            let plan = JobPlan(phases: [
                PhasePlan(
                    name: "sleep",
                    mapTasks: Array(repeating: [split], count: maps),
                    reduceCount: reduces,
                    writesBroadcast: false
                )
            ])
            let submitted = ContinuousClock.now
            let job = try await client.submit(
                SubmitJobRequest(
                    job: SimulatedTracker.job.name,
                    parameters: JobParameters(),
                    inputs: [staged],
                    outputPath: "",
                    reducers: reduces,
                    splitSize: 1 << 20,
                    mapBufferSize: 1 << 20,
                    replacesOutput: true,
                    plan: plan
                ),
                on: connection
            )
            var report = try await status(of: job, on: connection)
            while !report.state.isFinal, ContinuousClock.now < deadline {
                report = try await status(of: job, on: connection)
            }
            return Outcome(
                job: job,
                state: report.state,
                failure: report.failure,
                submitted: submitted,
                ended: ContinuousClock.now
            )
        }
    }

    /// The job's report, held up to 200 ms while it runs. It waits up to a minute for the answer
    /// rather than a client's usual 10 s: a JobTracker handing out the first wave of attempts to
    /// 10,000 trackers can take longer, and the run should go on to measure that, not fail.
    private func status(of job: JobID, on connection: WireConnection) async throws -> JobReport {
        try await connection.call(
            JobStatusRequest(job: job, holdMilliseconds: 200),
            expecting: JobStatusReply.self,
            timeout: .seconds(60)
        ).report
    }
}
