import Foundation
import MapReduce

/// A tracker's job binaries: its installed one, and shipped ones fetched into its cache, each
/// checked once (``JobBinaryCheck``) before the first attempt that needs it.
actor JobRunners {
    /// The installed job binary (`mrtask`, or the embedded cluster's own program).
    let installedPath: String
    /// What the installed binary said of itself, or why it cannot run.
    let installed: Result<BinaryDescription, BinaryProblem>
    let cache: JobFileCache
    private let tracker: String
    private let environment: [String: String]
    private var checks: [String: Task<BinaryDescription, any Error>] = [:]

    /// The runners of a tracker whose installed binary is `installedPath`, described by
    /// `installed`, with shipped binaries kept in `cache`.
    init(
        installedPath: String,
        installed: Result<BinaryDescription, BinaryProblem>,
        cache: JobFileCache,
        tracker: String,
        environment: [String: String]
    ) {
        self.installedPath = installedPath
        self.installed = installed
        self.cache = cache
        self.tracker = tracker
        self.environment = environment
    }

    /// Describes the installed binary at `path` as a tracker does at start.
    static func describeInstalled(
        at path: String,
        tracker: String,
        environment: [String: String]
    ) async -> Result<BinaryDescription, BinaryProblem> {
        do {
            return .success(
                try await JobBinaryCheck(
                    path: path,
                    name: "\(path) (installed)",
                    tracker: tracker,
                    environment: environment
                )
                .describe()
            )
        } catch let problem as BinaryProblem {
            return .failure(problem)
        } catch {
            return .failure(
                BinaryProblem(
                    message: "installed job binary \(path) on tracker \(tracker): \(error)",
                    dependsOnNode: true
                )
            )
        }
    }

    /// The runner of `job` in `binary`, fetching the binary with `fetch` if it is shipped and new.
    ///
    /// - Throws: ``BinaryProblem`` when the binary cannot run here or lacks the job; a fetch's
    ///   own error when the file could not be fetched.
    func runner(
        for binary: JobBinary,
        job jobName: String,
        of job: JobID,
        fetch: @escaping JobFileCache.Fetch
    ) async throws -> JobRunner {
        let path: String
        let description: BinaryDescription
        switch binary {
        case .installed:
            path = installedPath
            description = try installed.get()
        case .stored(let file):
            path = try await cache.path(of: file, for: job, fetch: fetch)
            description = try await check(path, file: file)
        }
        guard description.job(named: jobName) != nil else {
            let names = description.jobs.map(\.name).joined(separator: ", ")
            throw BinaryProblem(
                message:
                    "job binary \(binary) on tracker \(tracker) has no job named \(jobName) (it has: \(names.isEmpty ? "none" : names))",
                dependsOnNode: false
            )
        }
        return JobRunner(path: path, protocolVersion: description.protocolVersion)
    }

    /// Lets the files `job` used be evicted from the cache.
    func release(_ job: JobID) async {
        await cache.release(job)
    }

    /// The binary's description, asked once per file: a binary's answer, or its problem, does not
    /// change; a failure to start the check at all is asked again next time.
    private func check(_ path: String, file: JobFileReference) async throws -> BinaryDescription {
        if let check = checks[file.sha256] { return try await check.value }
        let check = Task { [tracker, environment] in
            try await JobBinaryCheck(path: path, name: file.description, tracker: tracker, environment: environment)
                .describe()
        }
        checks[file.sha256] = check
        do {
            return try await check.value
        } catch let problem as BinaryProblem {
            throw problem
        } catch {
            checks[file.sha256] = nil
            throw error
        }
    }
}
