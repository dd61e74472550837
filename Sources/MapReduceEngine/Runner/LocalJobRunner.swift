import Foundation
import MapReduce

/// Runs a whole job in this process: each phase's map tasks, then its reduce tasks, on a pool
/// of worker threads, with the same task runners, files and commit protocol the daemons use.
public struct LocalJobRunner: Sendable {
    /// The job's configuration.
    public let configuration: JobConfiguration

    /// Creates a runner.
    public init(configuration: JobConfiguration) {
        self.configuration = configuration
    }

    /// Runs `job` to completion and commits its output.
    ///
    /// - Parameters:
    ///   - id: the job's id.
    ///   - progress: called whenever a task finishes.
    /// - Throws: ``InputError`` for unusable inputs or output, ``TaskFailure`` for a failed task.
    public func run(
        _ job: any Job,
        id: JobID,
        progress: @escaping @Sendable (JobProgress) -> Void = { _ in }
    ) throws -> JobResult {
        let started = Date()
        try MapOnlyCheck.check(job, named: type(of: job).name, reducers: configuration.reducers)
        let files =
            job.readsInputFiles || !configuration.inputs.isEmpty ? try InputPaths.expand(configuration.inputs) : []
        let committer = JobOutputCommitter(
            outputPath: configuration.outputPath,
            job: id,
            replacesExisting: configuration.replacesOutput
        )
        try committer.prepare()
        let workDirectory = configuration.workDirectory + "/mr-\(id)-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: workDirectory) }
        do {
            try FileManager.default.createDirectory(atPath: workDirectory, withIntermediateDirectories: true)
            let phases = job.phases
            var counters = Counters()
            var broadcast = Broadcast()
            for (index, phase) in phases.enumerated() {
                let run = PhaseRun(
                    phase: phase,
                    index: index,
                    phaseCount: phases.count,
                    job: id,
                    configuration: configuration,
                    broadcast: broadcast,
                    workDirectory: workDirectory + "/phase-\(index + 1)",
                    committer: index == phases.count - 1 ? committer : nil
                )
                let outcome = try run.run(files: files, progress: progress)
                counters.add(outcome.counters)
                broadcast = outcome.broadcast
            }
            try committer.commitJob()
            return JobResult(
                job: id,
                outputPath: committer.outputPath,
                counters: counters,
                elapsedSeconds: Date().timeIntervalSince(started)
            )
        } catch {
            committer.abort()
            throw error
        }
    }
}
