import ArgumentParser

/// `<tool> jobs`: lists the tool's jobs with one-line descriptions.
struct ListJobsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "jobs", abstract: "List the jobs that can be run.")

    @Flag(help: "Also list test and demo jobs.")
    var all = false

    func run() {
        for job in ToolContext.current.jobs where all || !job.isHidden {
            print("\(job.name.padding(toLength: 12, withPad: " ", startingAt: 0)) \(job.summary)")
        }
    }
}
