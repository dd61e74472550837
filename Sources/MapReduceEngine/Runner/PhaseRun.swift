import Foundation
import MapReduce

/// One phase of a locally run job: its map tasks, then its reduce tasks, then the hand-over of
/// its output, either as the next phase's broadcast or into the job's output.
struct PhaseRun: Sendable {
    let phase: Phase
    let index: Int
    let phaseCount: Int
    let job: JobID
    let configuration: JobConfiguration
    let broadcast: Broadcast
    let workDirectory: String
    /// The job's committer when this is the last phase; earlier phases write a broadcast.
    let committer: JobOutputCommitter?

    struct Outcome {
        let counters: Counters
        let broadcast: Broadcast
    }

    func run(files: [InputFile], progress: @escaping @Sendable (JobProgress) -> Void) throws -> Outcome {
        if committer == nil, !phase.writesBroadcast {
            throw InputError(path: phase.name, problem: "a phase before the last must write a broadcast")
        }
        let manager = FileManager.default
        try manager.createDirectory(atPath: workDirectory + "/map", withIntermediateDirectories: true)
        let splits = try SplitPlanner.mapTasks(
            of: phase,
            files: files,
            splitSize: configuration.splitSize,
            slots: configuration.slots
        )
        let reduceCount = phase.reduceTaskCount(requested: configuration.reducers)
        let report = ProgressReporter(
            template: JobProgress(
                phase: index,
                phaseCount: phaseCount,
                phaseName: phase.name,
                mapsDone: 0,
                mapsTotal: splits.count,
                reducesDone: 0,
                reducesTotal: reduceCount
            ),
            sink: progress
        )
        report.update { _ in }
        let parameters = configuration.parameters
        let mapsFinished: @Sendable (Int) -> Void = { done in report.update { $0.mapsDone = done } }
        if reduceCount == 0 {
            return Outcome(
                counters: try runMapOnly(splits: splits, committer: committer, finished: mapsFinished),
                broadcast: Broadcast()
            )
        }
        let maps = try WorkerPool.run(count: splits.count, workers: configuration.slots, finished: mapsFinished) {
            [phase, index, job, broadcast, configuration, workDirectory] task in
            let attempt = AttemptID(task: TaskID(job: job, phase: index, kind: .map, index: task), number: 0)
            let info = TaskInfo(attempt: attempt, parameters: parameters, broadcast: broadcast)
            do {
                return try MapTaskRunner.run(
                    phase: phase,
                    info: info,
                    splits: splits[task],
                    reduceCount: reduceCount,
                    bufferLimit: configuration.mapBufferSize,
                    directory: workDirectory + "/map"
                )
            } catch {
                throw TaskFailure(attempt: attempt, subject: SplitPlanner.describe(splits[task]), error: error)
            }
        }
        let outputDirectory = workDirectory + "/output"
        try manager.createDirectory(atPath: outputDirectory, withIntermediateDirectories: true)
        let reducesFinished: @Sendable (Int) -> Void = { done in report.update { $0.reducesDone = done } }
        let reduces = try WorkerPool.run(count: reduceCount, workers: configuration.slots, finished: reducesFinished) {
            [phase, index, job, broadcast, committer] partition in
            let attempt = AttemptID(task: TaskID(job: job, phase: index, kind: .reduce, index: partition), number: 0)
            let info = TaskInfo(attempt: attempt, parameters: parameters, broadcast: broadcast)
            do {
                let inputs = maps.map { ReduceTaskRunner.Input(path: $0.path, segment: $0.segments[partition]) }
                let directory = try committer?.attemptDirectory(attempt) ?? outputDirectory
                let counters = try ReduceTaskRunner.run(phase: phase, info: info, inputs: inputs, directory: directory)
                try committer?.commitTask(attempt)
                return counters
            } catch {
                committer?.abortTask(attempt)
                throw TaskFailure(attempt: attempt, subject: "partition \(partition)", error: error)
            }
        }
        var counters = Counters()
        for map in maps { counters.add(map.counters) }
        for reduce in reduces { counters.add(reduce) }
        try? manager.removeItem(atPath: workDirectory + "/map")
        let nextBroadcast =
            committer == nil
            ? try BroadcastLoader.load(
                directory: outputDirectory,
                limit: configuration.broadcastLimit,
                phase: phase.name
            ) : Broadcast()
        return Outcome(counters: counters, broadcast: nextBroadcast)
    }

    /// Runs the maps of a map-only phase, each writing its `part-m-NNNNN` file into its attempt
    /// directory and committing it into the job's output; returns their counters.
    private func runMapOnly(
        splits: [[InputSplit]],
        committer: JobOutputCommitter?,
        finished: @Sendable (Int) -> Void
    ) throws -> Counters {
        guard let committer, phase.supportsMapOnly else {
            throw InputError(path: phase.name, problem: MapOnlyCheck.unsupported)
        }
        let parameters = configuration.parameters
        let maps = try WorkerPool.run(count: splits.count, workers: configuration.slots, finished: finished) {
            [phase, index, job, broadcast] task in
            let attempt = AttemptID(task: TaskID(job: job, phase: index, kind: .map, index: task), number: 0)
            let info = TaskInfo(attempt: attempt, parameters: parameters, broadcast: broadcast)
            do {
                let counters = try MapTaskRunner.runMapOnly(
                    phase: phase,
                    info: info,
                    splits: splits[task],
                    directory: try committer.attemptDirectory(attempt)
                )
                try committer.commitTask(attempt)
                return counters
            } catch {
                committer.abortTask(attempt)
                throw TaskFailure(attempt: attempt, subject: SplitPlanner.describe(splits[task]), error: error)
            }
        }
        var counters = Counters()
        for map in maps { counters.add(map) }
        return counters
    }
}
