import Cluster
import Foundation
import MapReduce

/// What a succeeded job left in its output directory for the console: the files to download and
/// the artifacts to show (``ResultArtifact``), whatever the job.
struct JobResults {
    /// The output directory.
    let directory: String
    /// The files to download, by name: everything but hidden files, `_SUCCESS` and artifacts.
    let files: [String]
    /// The artifacts, in the order they are shown.
    let artifacts: [ResultArtifact]

    /// The results of the job `report` describes; none until it has succeeded.
    init(_ report: JobReport) {
        directory = report.outputPath
        let names =
            report.state == .succeeded ? (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] : []
        files = names.filter { !$0.hasPrefix(".") && !$0.hasPrefix("_") }.sorted()
        artifacts = names.compactMap(ResultArtifact.init(fileName:)).sorted { $0.isOrderedBefore($1) }
    }

    /// The artifact stored as `file`; 404 when the job has none of that name.
    func artifact(_ file: String) throws -> ResultArtifact {
        guard let artifact = artifacts.first(where: { $0.fileName == file }) else {
            throw InputError(path: file, problem: "no such artifact")
        }
        return artifact
    }

    /// The path of the output file `file`; 404 when the job has none of that name.
    func path(of file: String) throws -> String {
        guard files.contains(file) else { throw InputError(path: file, problem: "no such output file") }
        return directory + "/" + file
    }

    /// The name a file is downloaded as: a job that writes one file per input stages each under
    /// a 16-digit hash of its input's path and a dash, which is left out.
    static func downloadName(of file: String) -> String {
        let prefix = file.utf8.prefix(17)
        let isStaged =
            prefix.count == 17 && prefix.last == UInt8(ascii: "-")
            && prefix.dropLast().allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
        return isStaged && file.utf8.count > 17 ? String(file.dropFirst(17)) : file
    }

    /// The content type of an output or artifact file, by its extension.
    static func contentType(of file: String) -> String {
        switch file.split(separator: ".").last.map({ $0.lowercased() }) ?? "" {
        case "jpg", "jpeg": "image/jpeg"
        case "png": "image/png"
        case "tif", "tiff": "image/tiff"
        case "json": "application/json"
        case "txt": "text/plain; charset=utf-8"
        default: file.contains(".") ? "application/octet-stream" : "text/plain; charset=utf-8"
        }
    }
}
