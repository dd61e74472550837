import Cluster
import Foundation
import MapReduce

/// What the console changes, shared by its pages and its API: submitting text and histeq jobs,
/// killing jobs and deleting uploads. Every path comes from an upload id or a checked relative
/// name, never from the request as it is.
struct ConsoleActions: Sendable {
    let tracker: JobTracker
    let uploads: UploadStore
    /// `<data-dir>/inputs`, the data directory files text jobs may read.
    let inputsDirectory: String

    /// The jobs a user may submit from the console as text jobs.
    static let textJobs = ["wordcount", "logbytes"]
    /// The equalization modes.
    static let modes = ["luma", "channels", "gray"]

    /// Submits a text job on uploads and data directory files.
    func submitText(_ request: SubmitRequest) async throws -> JobID {
        let installed = await tracker.clusterInfo().installedJobs.map(\.name)
        guard Self.textJobs.contains(request.job), installed.contains(request.job) else {
            throw InputError(path: request.job, problem: "not a text job (choose \(Self.textJobs.joined(separator: " or ")))")
        }
        var inputs: [String] = []
        for id in request.uploads ?? [] {
            let upload = try uploads.upload(id)
            inputs.append(uploads.filePath(of: upload))
        }
        for file in request.files ?? [] { inputs.append(try dataFile(file)) }
        guard !inputs.isEmpty else { throw InputError(path: request.job, problem: "choose at least one input file") }
        if let reducers = request.reducers, !(1...64).contains(reducers) {
            throw InputError(path: "reducers", problem: "must be from 1 to 64")
        }
        return try await tracker.submit(
            SubmitJobRequest(
                job: request.job, parameters: JobParameters(), inputs: inputs, outputPath: "", reducers: request.reducers ?? 0,
                splitSize: 32 << 20, mapBufferSize: 64 << 20, replacesOutput: false))
    }

    /// Submits a histeq job on an image upload; its result replaces any earlier one.
    func submitHisteq(upload id: String, mode: String) async throws -> JobID {
        var upload = try uploads.upload(id)
        guard upload.kind == "image" else { throw InputError(path: upload.name, problem: "not a JPEG or TIFF image") }
        guard Self.modes.contains(mode) else { throw InputError(path: mode, problem: "not a mode (luma, channels or gray)") }
        if let last = upload.jobs.last.flatMap(JobID.init), (try? await tracker.report(last))?.state == .running {
            throw InputError(path: upload.name, problem: "its job \(last) is still running")
        }
        let job = try await tracker.submit(
            SubmitJobRequest(
                job: "histeq", parameters: JobParameters(["histeq.mode": mode]), inputs: [uploads.filePath(of: upload)],
                outputPath: uploads.outputDirectory(of: upload), reducers: 0, splitSize: 32 << 20, mapBufferSize: 64 << 20,
                replacesOutput: true))
        upload.jobs.append("\(job)")
        upload.mode = mode
        try uploads.write(upload)
        return job
    }

    /// Kills a running job.
    func kill(_ job: JobID) async throws -> JobReport {
        try await tracker.kill(job)
    }

    /// Deletes an upload and its outputs, killing its job first if it still runs.
    func delete(upload id: String) async throws {
        let upload = try uploads.upload(id)
        for job in upload.jobs.compactMap(JobID.init) where (try? await tracker.report(job))?.state == .running {
            _ = try? await tracker.kill(job)
        }
        try uploads.delete(id)
    }

    /// The files under the data directory's `inputs/`, as relative paths.
    func dataFiles() -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: inputsDirectory) else { return [] }
        var files: [String] = []
        while let name = enumerator.nextObject() as? String, files.count < 500 {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: inputsDirectory + "/" + name, isDirectory: &isDirectory), !isDirectory.boolValue {
                files.append(name)
            }
        }
        return files.sorted()
    }

    /// The path of a data directory file named relative to `inputs/`, refusing `..`, absolute
    /// paths and symbolic links that lead outside it.
    func dataFile(_ relative: String) throws -> String {
        let checked = try PathSafety.relativePath(relative)
        let path = inputsDirectory + "/" + checked
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let root = URL(fileURLWithPath: inputsDirectory).resolvingSymlinksInPath().path
        guard resolved.hasPrefix(root + "/"), FileManager.default.isReadableFile(atPath: resolved) else {
            throw InputError(path: relative, problem: "not a file under the data directory's inputs/")
        }
        return resolved
    }
}
