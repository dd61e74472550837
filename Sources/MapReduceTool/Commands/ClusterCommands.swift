import ArgumentParser
import Cluster
import Foundation
import MapReduce

/// `mrsubmit status JOB`: one job's state, progress and counters.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show a job's state, progress and counters."
    )

    @Argument(help: "The job id, e.g. job_20261127055030_0001.")
    var job: String

    @OptionGroup var cluster: ClusterOptions

    func run() throws {
        guard let id = JobID(job) else { throw ValidationError("\(job): not a job id (job_<stamp>_<number>)") }
        let client = try cluster.client(for: "status")
        let report = try BlockingAsync.run {
            try await client.withConnection { try await client.status(of: id, on: $0) }
        }
        print(JobReportText.detail(report), terminator: "")
    }
}

/// `mrsubmit list`: every job the JobTracker knows, running and finished.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the cluster's jobs, running and finished."
    )

    @OptionGroup var cluster: ClusterOptions

    func run() throws {
        let client = try cluster.client(for: "list")
        let reports = try BlockingAsync.run { try await client.withConnection { try await client.list(on: $0) } }
        print(JobReportText.table(reports), terminator: "")
    }
}

/// `mrsubmit kill JOB`: stops a running job.
struct KillCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kill",
        abstract: "Stop a running job and discard its output."
    )

    @Argument(help: "The job id.")
    var job: String

    @OptionGroup var cluster: ClusterOptions

    func run() throws {
        guard let id = JobID(job) else { throw ValidationError("\(job): not a job id (job_<stamp>_<number>)") }
        let client = try cluster.client(for: "kill")
        let report = try BlockingAsync.run { try await client.withConnection { try await client.kill(id, on: $0) } }
        print("\(report.job) \(report.state.rawValue)")
    }
}

/// `mrsubmit logs JOB [TASK]`: the standard error logs of a job's attempts, fetched from the trackers.
struct LogsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "logs",
        abstract: "Print the logs of a job's attempts: of TASK, else of its failed attempts, else of all."
    )

    @Argument(help: "The job id.")
    var job: String

    @Argument(help: "A task id, e.g. task_20261127055030_0001_m_000003.")
    var task: String?

    @OptionGroup var cluster: ClusterOptions

    func run() throws {
        guard let id = JobID(job) else { throw ValidationError("\(job): not a job id (job_<stamp>_<number>)") }
        let client = try cluster.client(for: "logs")
        let task = task ?? ""
        let text = try BlockingAsync.run {
            try await client.withConnection { connection in
                let all = try await client.attempts(of: id, task: task, on: connection)
                let failed = all.filter { $0.state == "failed" }
                let chosen = task.isEmpty && !failed.isEmpty ? failed : all
                var text = ""
                for summary in chosen {
                    text += "==> \(summary.attempt) \(summary.state) on \(summary.tracker)"
                    text += summary.failure.isEmpty ? " <==\n" : ": \(summary.failure) <==\n"
                    do {
                        let log = try await client.log(of: summary.attempt, on: connection)
                        text += log.isEmpty ? "(empty)\n" : log + (log.hasSuffix("\n") ? "" : "\n")
                    } catch {
                        text += "(log unavailable: \(error))\n"
                    }
                }
                return text.isEmpty ? "no attempts\n" : text
            }
        }
        print(text, terminator: "")
    }
}
