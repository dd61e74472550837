import ArgumentParser
import Cluster
import Foundation
import Wire

/// `mrsim`: simulates many TaskTrackers against a real JobTracker, to measure how the
/// JobTracker scales with the size of its cluster.
@main
struct SimulatorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mrsim",
        abstract: "Simulate TaskTrackers against a running JobTracker and measure it.",
        discussion: """
            Each simulated tracker speaks the real protocol with the cluster's secret, heartbeats \
            as the JobTracker tells it and runs its attempts by waiting --task-seconds (no child \
            processes; a reduce first waits for every map, as a real one does). With --job-maps \
            a job of that many maps and --job-reduces reduces (--jobs of them at once) is \
            submitted once the trackers have registered. See docs/scale.md.
            """
    )

    @Option(help: "The JobTracker, HOST:PORT.")
    var jobtracker: String

    @Option(help: "A file holding the cluster secret.")
    var secretFile: String

    @Option(help: "Simulated trackers.")
    var trackers: Int = 100

    @Option(help: "Slots per tracker.")
    var slots: Int = 2

    @Option(help: "Seconds to run once every tracker has registered.")
    var duration: Double = 30

    @Option(help: "Maps of the job to submit (0: no job).")
    var jobMaps: Int = 0

    @Option(help: "Reduces of the job.")
    var jobReduces: Int = 1

    @Option(help: "Jobs of --job-maps maps to submit at once.")
    var jobs: Int = 1

    @Option(help: "Seconds each simulated attempt takes, on average.")
    var taskSeconds: Double = 1

    @Option(help: "How far attempt times spread around --task-seconds, as a fraction from 0 to 1 (uniform).")
    var taskSpread: Double = 0

    @Option(help: "Trackers that vanish (stop heartbeating, no goodbye) halfway through the run.")
    var lose: Int = 0

    @Option(help: "Seconds over which the trackers connect, to spread the handshakes.")
    var ramp: Double = 2

    @Option(help: "The JobTracker's pid, to measure its CPU and memory (same machine only).")
    var jobtrackerPid: Int32?

    @Option(help: "The JobTracker's metrics URL (http://HOST:PORT/metrics), for its heartbeat service times.")
    var metricsURL: String?

    @Flag(help: "Print one JSON object instead of the table.")
    var json = false

    func validate() throws {
        guard trackers > 0, slots > 0 else { throw ValidationError("--trackers and --slots must be positive") }
        guard duration > 0, taskSeconds >= 0, ramp >= 0 else {
            throw ValidationError("--duration must be positive; --task-seconds and --ramp not negative")
        }
        guard jobMaps >= 0, jobReduces >= 0 else {
            throw ValidationError("--job-maps and --job-reduces must not be negative")
        }
        guard (0...1).contains(taskSpread) else { throw ValidationError("--task-spread must be from 0 to 1") }
        guard jobs > 0 else { throw ValidationError("--jobs must be positive") }
        guard (0...trackers).contains(lose) else { throw ValidationError("--lose must be between 0 and --trackers") }
    }

    func run() async throws {
        let address = try ClusterAddress(jobtracker)
        let secret = try ClusterSecret(fileAt: secretFile)
        let simulation = Simulation(
            address: address,
            secret: secret,
            trackers: trackers,
            slots: slots,
            duration: .milliseconds(Int64(duration * 1000)),
            taskDurations: TaskDurations(mean: .milliseconds(Int64(taskSeconds * 1000)), spread: taskSpread),
            ramp: .milliseconds(Int64(ramp * 1000)),
            lose: lose,
            job: jobMaps > 0 ? SimulatedJob(maps: jobMaps, reduces: jobReduces) : nil,
            jobCount: jobs,
            jobTrackerPID: jobtrackerPid,
            metricsURL: metricsURL.flatMap(URL.init(string:))
        )
        let report = try await simulation.run()
        print(json ? report.json : report.table)
        if let job = simulation.job, report.jobsCompleted < jobs {
            FileHandle.standardError.write(
                Data(
                    "mrsim: \(jobs - report.jobsCompleted) of \(jobs) \(job.maps)-map jobs did not succeed: \(report.jobOutcome)\n"
                        .utf8
                )
            )
            throw ExitCode(1)
        }
    }
}
