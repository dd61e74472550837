import Foundation
import MapReduce
import MapReduceEngine

/// Runs a ``FilePerInputJob`` from the command line: plan the outputs, run the job into a hidden
/// directory, move each output beside its input, and print the summary.
///
/// The job's committed output directory is only a staging area: no output file appears at its
/// place unless the whole job succeeded, and the directory is removed either way.
enum PerInputSubmission {
    /// Runs `job` with the parsed options and returns the process exit code.
    static func run(
        job: any FilePerInputJob.Type,
        options: SubmitOptions,
        parameters: JobParameters,
        console: EmbeddedConsole?
    ) throws -> Int32 {
        guard !options.inputs.isEmpty else {
            throw InputError(
                path: job.name,
                problem: "no input paths given (usage: \(ToolContext.current.name) \(job.name) <inputs…>)"
            )
        }
        let instance = try job.init(parameters: parameters)
        let plan = try PerInputPlan(job: job, inputs: options.inputs, output: options.output, force: options.force)
        let staging = plan.stagingDirectory(job: JobID(cluster: JobID.clusterStamp(), sequence: 1))
        defer { try? FileManager.default.removeItem(atPath: staging) }
        let configuration = JobConfiguration(
            inputs: plan.entries.map(\.input),
            outputPath: staging,
            parameters: parameters,
            reducers: options.reducers,
            splitSize: try SubmitOptions.byteCount(options.splitSize, option: "--split-size"),
            mapBufferSize: Int(try SubmitOptions.byteCount(options.mapBuffer, option: "--map-buffer")),
            slots: options.slots,
            workDirectory: options.workDir
        )
        try MapOnlyCheck.check(instance, named: job.name, reducers: configuration.reducers)
        let result = try JobSession.runInForeground(
            options: options,
            job: job,
            configuration: configuration,
            console: console
        )
        try plan.publish(from: result.outputPath)
        var printer = ResultPrinter(job: job, result: result)
        printer.outputFiles = plan.entries.map(\.target)
        printer.skippedInputs = plan.skipped
        print(try printer.render(), terminator: "")
        return 0
    }
}
