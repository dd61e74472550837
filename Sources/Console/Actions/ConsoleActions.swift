import Cluster
import Foundation
import MapReduce

/// What the console changes, shared by its pages and its API: submitting jobs, killing them and
/// deleting uploads. Every path comes from an upload id or a checked relative name, never from
/// the request as it is, and no job's name or code is known here: jobs and their options come
/// from what the cluster's trackers have installed.
struct ConsoleActions: Sendable {
    let tracker: JobTracker
    let uploads: UploadStore
    /// `<data-dir>/inputs`, the data directory files jobs may read.
    let inputsDirectory: String

    /// The jobs the console offers: those the trackers' installed binary describes, hidden ones left out.
    func installedJobs() async -> [JobDescriptor] {
        await tracker.currentView().clusterInfo().installedJobs.filter { !$0.isHidden }
    }

    /// Submits an installed job on uploads and data directory files, with its options and a
    /// request for its artifacts; a setup task on a tracker plans it.
    func submit(_ request: SubmitRequest) async throws -> JobID {
        let offered = await installedJobs()
        guard let descriptor = offered.first(where: { $0.name == request.job }) else {
            let names = offered.map(\.name).joined(separator: ", ")
            throw InputError(
                path: request.job,
                problem: "not a job the cluster's trackers offer (they offer: \(names.isEmpty ? "none" : names))"
            )
        }
        var parameters = try request.parameters(for: descriptor)
        parameters[ResultArtifact.parameter] = "true"
        var inputs: [String] = []
        var read: [Upload] = []
        for id in request.uploads ?? [] {
            let upload = try uploads.upload(id)
            read.append(upload)
            inputs.append(uploads.filePath(of: upload))
        }
        for file in request.files ?? [] { inputs.append(try dataFile(file)) }
        guard !inputs.isEmpty else { throw InputError(path: request.job, problem: "choose at least one input file") }
        if let reducers = request.reducers, !(0...64).contains(reducers) {
            throw InputError(path: "reducers", problem: "must be from 0 (map-only) to 64")
        }
        let job = try await tracker.submit(
            SubmitJobRequest(
                job: descriptor.name,
                parameters: parameters,
                inputs: inputs,
                outputPath: "",
                reducers: request.reducers,
                splitSize: 32 << 20,
                mapBufferSize: 64 << 20,
                replacesOutput: false
            )
        )
        for var upload in read {
            upload.jobs.append("\(job)")
            try? uploads.write(upload)
        }
        return job
    }

    /// Kills a running job.
    func kill(_ job: JobID) async throws -> JobReport {
        try await tracker.kill(job)
    }

    /// Deletes an upload, first killing the jobs still running that read it.
    func delete(upload id: String) async throws {
        let upload = try uploads.upload(id)
        for job in upload.jobs.compactMap(JobID.init)
        where (try? await tracker.currentView().report(job))?.state == .running {
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
            if FileManager.default.fileExists(atPath: inputsDirectory + "/" + name, isDirectory: &isDirectory),
                !isDirectory.boolValue
            {
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
