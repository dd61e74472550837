import Cluster
import Foundation
import MapReduce

/// The body of every job tool (``JobTool``), `mrsubmit` included: a task runner when a tracker
/// starts it for an attempt, else the command line of its jobs.
///
/// ``JobTool``'s `main` calls ``run(jobs:shipping:arguments:)``. A program that needs a `main` of
/// its own calls it too, with `CommandLine.arguments` unchanged, and exits with its result.
public enum JobToolMain {
    /// Runs the tool with `arguments` (`CommandLine.arguments`) and returns the exit status.
    public static func run(jobs: [any Job.Type], shipping: JobToolShipping, arguments: [String]) -> Int32 {
        if TaskRunnerMain.isTaskRunnerInvocation(arguments) {
            return TaskRunnerMain.run(arguments: arguments, jobs: jobs)
        }
        ToolContext.current = ToolContext(
            name: ((arguments.first ?? "tool") as NSString).lastPathComponent,
            jobs: jobs,
            shipping: shipping,
            executablePath: executablePath()
        )
        let rest = Array(arguments.dropFirst())
        if let first = rest.first, let job = ToolContext.current.job(named: first) {
            return SubmitCommand.main(job: job, arguments: Array(rest.dropFirst()))
        }
        let commands = ToolCommand.configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"]
        if let first = rest.first, !first.hasPrefix("-"), !commands.contains(first) {
            let tool = ToolContext.current.name
            FileHandle.standardError.write(
                Data(
                    "\(tool): \(first): this tool has no such job or command (see `\(tool) jobs` and `\(tool) --help`)\n"
                        .utf8
                )
            )
            return 64
        }
        ToolCommand.main(rest)
        return 0
    }

    /// The running program's executable, resolved through `/proc/self/exe` so that it is right
    /// whatever the working directory or `PATH`.
    static func executablePath() -> String {
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return resolved
        }
        return URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path
    }
}
