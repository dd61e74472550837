import ArgumentParser
import JobCatalog

/// The `mrsubmit` command: run a job of the catalog, or list them.
struct MRSubmit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mrsubmit",
        abstract: "Run map-reduce jobs of the swift-mapreduce catalog.",
        discussion: """
            Run a job with `mrsubmit <job> <inputs…> [options]`, e.g. `mrsubmit wordcount books/`.
            `mrsubmit <job> --help` shows a job's options. Jobs:
            \(JobCatalog.all.filter { !$0.isHidden }.map { "  \($0.name.padding(toLength: 12, withPad: " ", startingAt: 0)) \($0.summary)" }.joined(separator: "\n"))
            """,
        subcommands: [
            ListJobsCommand.self, StatusCommand.self, ListCommand.self, KillCommand.self, LogsCommand.self, ConsoleTokenCommand.self,
        ]
    )
}
