import ArgumentParser
import Foundation
import MapReduce
import MapReduceEngine

/// Runs one job of the tool from the command line and prints its summary.
enum SubmitCommand {
    /// Parses `arguments` for `job`, runs it, and returns the process exit code.
    static func main(job: any Job.Type, arguments: [String]) -> Int32 {
        let options: SubmitOptions
        let jobParameters: JobParameters
        do {
            if arguments.contains("--help") || arguments.contains("-h") {
                print(help(for: job))
                return 0
            }
            let (rest, fromOptions) = try JobOptionParser(options: job.options).extract(from: arguments)
            options = try SubmitOptions.parse(rest)
            var parameters = try JobParameters(parsing: options.parameters)
            parameters.merge(fromOptions)
            jobParameters = parameters
        } catch {
            let message = SubmitOptions.message(for: error)
            FileHandle.standardError.write(Data("\(ToolContext.current.name) \(job.name): \(message)\n".utf8))
            return 64
        }
        let console = options.console ? EmbeddedConsole(port: options.consolePort) : nil
        let status: Int32
        do {
            status = try run(job: job, options: options, parameters: jobParameters, console: console)
        } catch {
            FileHandle.standardError.write(Data("\(ToolContext.current.name) \(job.name): \(error)\n".utf8))
            status = 1
        }
        if let console {
            fflush(nil)
            console.holdUntilInterrupted()
        }
        return status
    }

    private static func run(
        job: any Job.Type,
        options: SubmitOptions,
        parameters: JobParameters,
        console: EmbeddedConsole?
    ) throws -> Int32 {
        if let perInput = job as? any FilePerInputJob.Type {
            return try PerInputSubmission.run(job: perInput, options: options, parameters: parameters, console: console)
        }
        let instance = try job.init(parameters: parameters)
        guard !options.inputs.isEmpty || !instance.readsInputFiles else {
            throw InputError(
                path: job.name,
                problem: "no input paths given (usage: \(ToolContext.current.name) \(job.name) <inputs…>)"
            )
        }
        let configuration = JobConfiguration(
            inputs: options.inputs,
            outputPath: options.output ?? "./\(job.name)-out",
            parameters: parameters,
            reducers: options.reducers,
            splitSize: try SubmitOptions.byteCount(options.splitSize, option: "--split-size"),
            mapBufferSize: Int(try SubmitOptions.byteCount(options.mapBuffer, option: "--map-buffer")),
            slots: options.slots,
            workDirectory: options.workDir,
            replacesOutput: options.force
        )
        try MapOnlyCheck.check(instance, named: job.name, reducers: configuration.reducers)
        if options.detach {
            print(try DetachedSubmission(job: job, configuration: configuration, options: options).submit())
            return 0
        }
        let result = try JobSession.runInForeground(
            options: options,
            job: job,
            configuration: configuration,
            console: console
        )
        let printer = ResultPrinter(job: job, result: result)
        print(try printer.render(), terminator: "")
        return try printer.passed() ? 0 : 1
    }

    /// The job's help: the common options and the job's own.
    static func help(for job: any Job.Type) -> String {
        var text = SubmitOptions.helpMessage(columns: 100)
        if let usage = text.range(of: "USAGE: "), let name = text[usage.upperBound...].firstIndex(of: " ") {
            text.replaceSubrange(usage.upperBound..<name, with: "\(ToolContext.current.name) \(job.name)")
        }
        text = "\(job.name): \(job.summary)\n\n" + text
        if !job.options.isEmpty {
            text += "\n\nJOB OPTIONS:\n"
            for option in job.options {
                let name = "--\(option.name)" + (option.valueName.map { " <\($0)>" } ?? "")
                text += "  \(name.padding(toLength: 24, withPad: " ", startingAt: 0)) \(option.help)\n"
                text += "  \("".padding(toLength: 24, withPad: " ", startingAt: 0)) (sets -D \(option.parameter))\n"
            }
        }
        return text
    }
}
