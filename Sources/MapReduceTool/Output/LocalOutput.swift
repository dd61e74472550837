import Foundation
import MapReduce

/// A local output directory filled from a download: checked before the job, then swapped in whole.
struct LocalOutput {
    let path: String
    let replacesExisting: Bool

    /// Refuses an existing non-empty directory unless it may be replaced.
    func check() throws {
        let contents = try? FileManager.default.contentsOfDirectory(atPath: path)
        if FileManager.default.fileExists(atPath: path), contents?.isEmpty != true, !replacesExisting {
            throw InputError(path: path, problem: "output already exists and is not empty (use --force to replace it)")
        }
    }

    /// A hidden sibling to download into.
    func stagingPath(for job: JobID) -> String {
        let url = URL(fileURLWithPath: path)
        return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(job).download").path
    }

    /// Moves the downloaded directory to the output path, replacing what was there.
    func commit(from staging: String) throws {
        let manager = FileManager.default
        if manager.fileExists(atPath: path) { try manager.removeItem(atPath: path) }
        try manager.moveItem(atPath: staging, toPath: path)
    }
}
