import Foundation
import MapReduce

/// Finished jobs' reports, kept as JSON files in the JobTracker's data directory so that they
/// are listed again after a restart.
struct JobHistory: Sendable {
    let directory: String

    init(dataDirectory: String) throws {
        directory = dataDirectory + "/history"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    /// Saves a finished job's report.
    func record(_ report: JobReport) {
        guard let data = try? JSONEncoder().encode(report) else { return }
        try? data.write(to: URL(fileURLWithPath: "\(directory)/\(report.job).json"), options: .atomic)
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
