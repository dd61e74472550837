import Foundation
import MapReduce

/// Makes a job's output directory appear whole or not at all.
///
/// Reduce attempts write into `<staging>/_temporary/<attempt>/`; committing a task moves its
/// files into the staging directory; committing the job writes `_SUCCESS` and renames the
/// staging directory, a hidden sibling of the output, to the output path. A failed or killed job
/// leaves only the staging directory, which ``abort()`` removes.
public struct JobOutputCommitter: Sendable {
    /// The output directory the job creates.
    public let outputPath: String
    /// The hidden sibling directory the job writes into.
    public let stagingPath: String
    /// Whether an existing non-empty output directory may be replaced.
    public let replacesExisting: Bool

    /// Creates a committer for `outputPath`, staging in a sibling named after `job`.
    public init(outputPath: String, job: JobID, replacesExisting: Bool) {
        let trimmed = outputPath.count > 1 && outputPath.hasSuffix("/") ? String(outputPath.dropLast()) : outputPath
        self.outputPath = trimmed
        let url = URL(fileURLWithPath: trimmed)
        stagingPath =
            url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(job).staging").path
        self.replacesExisting = replacesExisting
    }

    /// Checks that the output may be written and creates the staging directory.
    public func prepare() throws {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: outputPath, isDirectory: &isDirectory) {
            let empty =
                isDirectory.boolValue && ((try? manager.contentsOfDirectory(atPath: outputPath))?.isEmpty ?? false)
            if !empty && !replacesExisting {
                throw InputError(
                    path: outputPath,
                    problem: "output already exists and is not empty (use --force to replace it)"
                )
            }
        }
        do {
            try manager.createDirectory(atPath: temporaryPath, withIntermediateDirectories: true)
        } catch {
            throw InputError(path: outputPath, problem: "cannot create the output's staging directory \(stagingPath)")
        }
    }

    /// The directory of the attempts' directories, removed when the job commits.
    public var temporaryPath: String { stagingPath + "/_temporary" }

    /// The directory an attempt writes its files into, which may not exist yet.
    public func attemptPath(_ attempt: AttemptID) -> String {
        temporaryPath + "/\(attempt)"
    }

    /// The directory an attempt writes its files into; created on demand.
    public func attemptDirectory(_ attempt: AttemptID) throws -> String {
        let path = attemptPath(attempt)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Moves the files of a finished attempt into the job's output and returns their total size.
    @discardableResult
    public func commitTask(_ attempt: AttemptID) throws -> Int64 {
        let directory = try attemptDirectory(attempt)
        var bytes: Int64 = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: directory) {
            let size = (try? FileManager.default.attributesOfItem(atPath: directory + "/" + name)[.size]) as? Int64
            bytes += size ?? 0
            try MapTaskRunner.rename(directory + "/" + name, to: stagingPath + "/" + name)
        }
        try FileManager.default.removeItem(atPath: directory)
        return bytes
    }

    /// Discards the files of an attempt that will not be committed.
    public func abortTask(_ attempt: AttemptID) {
        try? FileManager.default.removeItem(atPath: attemptPath(attempt))
    }

    /// Writes `_SUCCESS` and moves the staging directory to the output path.
    public func commitJob() throws {
        let manager = FileManager.default
        try manager.removeItem(atPath: temporaryPath)
        guard manager.createFile(atPath: stagingPath + "/_SUCCESS", contents: Data()) else {
            throw SystemError(path: stagingPath + "/_SUCCESS", action: "cannot create")
        }
        if manager.fileExists(atPath: outputPath) {
            let old = stagingPath + ".replaced"
            try MapTaskRunner.rename(outputPath, to: old)
            try MapTaskRunner.rename(stagingPath, to: outputPath)
            try? manager.removeItem(atPath: old)
        } else {
            try MapTaskRunner.rename(stagingPath, to: outputPath)
        }
    }

    /// Removes everything the job wrote.
    public func abort() {
        try? FileManager.default.removeItem(atPath: stagingPath)
    }
}
