import Foundation
import MapReduce

/// Finished jobs' reports, kept as JSON files in the JobTracker's data directory so that they
/// are listed again after a restart.
///
/// Running jobs are noted in `running/` too; a job still noted there when the JobTracker starts
/// was lost with the previous JobTracker process and is recorded as failed.
struct JobHistory: Sendable {
    let directory: String
    let runningDirectory: String

    init(dataDirectory: String) throws {
        directory = dataDirectory + "/history"
        runningDirectory = dataDirectory + "/running"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: runningDirectory, withIntermediateDirectories: true)
    }

    /// Notes a job that started running.
    func started(_ report: JobReport) {
        guard let data = try? JSONEncoder().encode(report) else { return }
        try? data.write(to: URL(fileURLWithPath: "\(runningDirectory)/\(report.job).json"), options: .atomic)
    }

    /// Records every job a previous JobTracker process left running as failed, with the reason,
    /// except those in `resumed`, which the journal resumes.
    func failInterruptedJobs(except resumed: Set<JobID> = []) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: runningDirectory)) ?? []
        for name in names where name.hasSuffix(".json") && !resumed.contains(where: { "\($0).json" == name }) {
            let path = "\(runningDirectory)/\(name)"
            if let data = FileManager.default.contents(atPath: path),
                var report = try? JSONDecoder().decode(JobReport.self, from: data)
            {
                report.state = .failed
                report.failure = "the JobTracker restarted while the job was running"
                record(report)
            }
            try? FileManager.default.removeItem(atPath: path)
        }
    }

    /// Saves a finished job's report.
    func record(_ report: JobReport) {
        guard let data = try? JSONEncoder().encode(report) else { return }
        try? data.write(to: URL(fileURLWithPath: "\(directory)/\(report.job).json"), options: .atomic)
        try? FileManager.default.removeItem(atPath: "\(runningDirectory)/\(report.job).json")
    }

    /// Every saved report, oldest first.
    func load() -> [JobReport] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".json") }.compactMap { name in
            guard let data = FileManager.default.contents(atPath: "\(directory)/\(name)") else { return nil }
            return try? JSONDecoder().decode(JobReport.self, from: data)
        }.sorted { $0.submittedAt < $1.submittedAt }
    }
}
