import Foundation
import JobCatalog
import MapReduce
import MapReduceEngine
import NIOCore
import Wire

/// The body of the `mrtask` executable: runs one attempt described in a request file and writes
/// its result file, so that a crash or a runaway loop in job code costs one attempt, not a tracker.
///
/// Protocol with the tracker: argument 1 is the request file, argument 2 the result file. While
/// records flow the child prints `progress N` lines on standard output. On success it writes the
/// result file and exits 0; on a thrown error it prints the error as one line on standard error
/// and exits 1; a trap or a signal ends it however it ends. When its tracker dies, it stops too
/// (``ParentWatch``).
public enum TaskRunnerMain {
    /// Runs the attempt and returns the process exit code.
    public static func run(arguments: [String]) -> Int32 {
        guard arguments.count == 3 else {
            FileHandle.standardError.write(Data("usage: mrtask REQUEST-FILE RESULT-FILE\n".utf8))
            return 64
        }
        ParentWatch.start()
        do {
            let requestFile = try FileReadHandle(path: arguments[1])
            let request = try TaskRunRequest(
                decoding: ByteBuffer(bytes: try requestFile.readExactly(Int(requestFile.size), at: 0)))
            let result = try execute(request)
            var writer = WireWriter()
            writer.write(result)
            let file = try BufferedFileWriter(path: arguments[2])
            try file.write(Array(buffer: writer.buffer))
            try file.close(sync: false)
            return 0
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            return 1
        }
    }

    static func execute(_ request: TaskRunRequest) throws -> TaskRunResult {
        guard let jobType = JobCatalog.job(named: request.jobName) else {
            throw InputError(path: request.jobName, problem: "the task runner's catalog has no such job")
        }
        let phase = try jobType.init(parameters: request.parameters).phases[request.attempt.task.phase]
        let info = TaskInfo(attempt: request.attempt, parameters: request.parameters, broadcast: Broadcast(encoded: request.broadcast))
        if request.attempt.task.kind == .map {
            let output = try MapTaskRunner.run(
                phase: phase, info: info, splits: request.splits, reduceCount: request.reduceCount,
                bufferLimit: request.bufferLimit, directory: request.directory, progress: reportProgress)
            return TaskRunResult(counters: output.counters, outputPath: output.path, segments: output.segments)
        }
        let inputs = zip(request.inputPaths, request.inputSegments).map { ReduceTaskRunner.Input(path: $0, segment: $1) }
        let counters = try ReduceTaskRunner.run(
            phase: phase, info: info, inputs: inputs, directory: request.directory, progress: reportProgress)
        return TaskRunResult(counters: counters, outputPath: "", segments: [])
    }

    private static func reportProgress(_ records: Int64) {
        FileHandle.standardOutput.write(Data("progress \(records)\n".utf8))
    }
}
