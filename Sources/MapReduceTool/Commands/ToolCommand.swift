import ArgumentParser

/// The tool's command line besides running a job: list its jobs, follow, list, kill and read the
/// logs of jobs on a cluster, and print the console token.
struct ToolCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        let tool = ToolContext.current
        let listed = tool.jobs.filter { !$0.isHidden }
            .map { "  \($0.name.padding(toLength: 12, withPad: " ", startingAt: 0)) \($0.summary)" }
        return CommandConfiguration(
            commandName: tool.name,
            abstract:
                "Run map-reduce jobs on an embedded cluster on 127.0.0.1, or on a running cluster with --cluster.",
            discussion: """
                Run a job with `\(tool.name) <job> <inputs…> [options]`. `\(tool.name) <job> --help` shows a job's options. Jobs:
                \(listed.joined(separator: "\n"))
                """,
            subcommands: [
                ListJobsCommand.self, StatusCommand.self, ListCommand.self, KillCommand.self, LogsCommand.self,
                ConsoleTokenCommand.self,
            ]
        )
    }
}
