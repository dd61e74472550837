import Foundation
import MapReduce
import MapReduceEngine
import NIOCore
import Wire

/// The task-runner side of a job binary: describes the binary's jobs, or runs one attempt
/// described in a request file and writes its result file, so that a crash or a runaway loop in
/// job code costs one attempt, not a tracker.
///
/// Which jobs the binary has is given by its `main` (``run(arguments:jobs:)``); nothing here
/// knows any job. Protocol with the tracker (``TaskRunnerProtocol``): with
/// `--mapreduce-describe` it prints a ``BinaryDescription`` as JSON on standard output; with
/// `--mapreduce-task REQUEST RESULT`, while records flow it prints `progress N` lines on standard
/// output (and `status MESSAGE` lines for the job's status), and on success writes the result
/// file and exits 0; on a thrown error it prints the error as one line on standard error and
/// exits 1; a trap or a signal ends it however it ends.
/// When its tracker dies, it stops too (``ParentWatch``). Before an attempt's job code runs it
/// limits its own memory (``TaskMemoryLimit``).
public enum TaskRunnerMain {
    /// Whether the command line (`CommandLine.arguments`) asks the program to act as a task runner.
    public static func isTaskRunnerInvocation(_ arguments: [String]) -> Bool {
        arguments.count >= 2
            && [TaskRunnerProtocol.describeArgument, TaskRunnerProtocol.taskArgument].contains(arguments[1])
    }

    /// Describes `jobs` or runs the attempt the arguments name; returns the process exit code.
    public static func run(arguments: [String], jobs: [any Job.Type]) -> Int32 {
        if arguments.count == 2, arguments[1] == TaskRunnerProtocol.describeArgument {
            return describe(jobs)
        }
        guard arguments.count == 4, arguments[1] == TaskRunnerProtocol.taskArgument else {
            let name = (arguments.first as NSString?)?.lastPathComponent ?? "job binary"
            FileHandle.standardError.write(
                Data(
                    "usage: \(name) \(TaskRunnerProtocol.describeArgument) | \(name) \(TaskRunnerProtocol.taskArgument) REQUEST-FILE RESULT-FILE\n"
                        .utf8
                )
            )
            return 64
        }
        ParentWatch.start()
        do {
            try TaskMemoryLimit.apply(from: ProcessInfo.processInfo.environment)
            let request = try TaskRunRequest.read(from: arguments[2])
            let result = try execute(request, jobs: jobs)
            var writer = WireWriter()
            writer.write(result)
            let file = try BufferedFileWriter(path: arguments[3])
            try file.write(Array(buffer: writer.buffer))
            try file.close(sync: false)
            return 0
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            return 1
        }
    }

    private static func describe(_ jobs: [any Job.Type]) -> Int32 {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(BinaryDescription(jobs: jobs.map(JobDescriptor.init))) else { return 70 }
        FileHandle.standardOutput.write(data + Data("\n".utf8))
        return 0
    }

    static func execute(_ request: TaskRunRequest, jobs: [any Job.Type]) throws -> TaskRunResult {
        guard let jobType = jobs.first(where: { $0.name == request.jobName }) else {
            throw InputError(path: request.jobName, problem: "this job binary has no such job")
        }
        let job = try jobType.init(parameters: request.parameters)
        if request.attempt.task.kind == .setup {
            return TaskRunResult(counters: Counters(), outputPath: "", segments: [], plan: try plan(job, request))
        }
        let phase = job.phases[request.attempt.task.phase]
        let info = TaskInfo(
            attempt: request.attempt,
            parameters: request.parameters,
            broadcast: Broadcast(encoded: request.broadcast),
            status: reportStatus
        )
        if request.attempt.task.kind == .map, request.reduceCount == 0 {
            let counters = try MapTaskRunner.runMapOnly(
                phase: phase,
                info: info,
                splits: request.splits,
                directory: request.directory,
                progress: reportProgress
            )
            return TaskRunResult(counters: counters, outputPath: "", segments: [])
        }
        if request.attempt.task.kind == .map {
            let output = try MapTaskRunner.run(
                phase: phase,
                info: info,
                splits: request.splits,
                reduceCount: request.reduceCount,
                bufferLimit: request.bufferLimit,
                directory: request.directory,
                progress: reportProgress
            )
            return TaskRunResult(counters: output.counters, outputPath: output.path, segments: output.segments)
        }
        let inputs = zip(request.inputPaths, request.inputSegments).map {
            ReduceTaskRunner.Input(path: $0, segment: $1)
        }
        let counters = try ReduceTaskRunner.run(
            phase: phase,
            info: info,
            inputs: inputs,
            directory: request.directory,
            progress: reportProgress
        )
        return TaskRunResult(counters: counters, outputPath: "", segments: [])
    }

    /// A setup task's plan: the job's input formats over its whole input files, read from the
    /// tracker's copies where it fetched them.
    private static func plan(_ job: any Job, _ request: TaskRunRequest) throws -> JobPlan {
        guard let setup = request.setup else {
            throw InputError(path: "\(request.attempt)", problem: "a setup task without setup settings")
        }
        let files = request.splits.map { InputFile(path: $0.path, size: $0.length, localPath: $0.localPath) }
        let reducers = setup.reducers ?? JobPlanner.defaultReducers(slots: setup.slots)
        return try JobPlanner.plan(
            job,
            files: files,
            splitSize: setup.splitSize,
            reducers: reducers,
            slots: setup.slots
        )
    }

    /// Prints a `status MESSAGE` line, the message on one line, for the tracker.
    @Sendable private static func reportStatus(_ message: String) {
        let line = message.map { $0.isNewline ? " " : String($0) }.joined()
        FileHandle.standardOutput.write(Data("status \(line)\n".utf8))
    }

    private static func reportProgress(_ records: Int64) {
        FileHandle.standardOutput.write(Data("progress \(records)\n".utf8))
    }
}
