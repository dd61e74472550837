import Foundation
import MapReduce
import Wire

/// The JobTracker's content-addressed store of job files: binaries clients ship, and files jobs
/// hand their attempts, each kept once under its SHA-256 however many jobs use it.
///
/// Files live in `<data-dir>/job-files/<sha256>` with a small JSON record beside each. A file is
/// referenced by the running jobs that use it; an unreferenced one stays for the retention time
/// so that a resubmission uploads nothing, and goes earlier when a new upload needs its room.
/// The store never runs a file: trackers fetch and run them.
actor JobFileStore {
    /// What the store remembers of a file besides its bytes.
    struct Record: Codable, Sendable {
        var file: JobFileReference
        var lastUsed: Date
    }

    let directory: String
    let settings: JobFileStoreSettings
    private let metrics: JobFileStoreMetrics
    private var records: [String: Record] = [:]
    private var users: [String: Set<JobID>] = [:]
    /// Uploads under way, so that two clients sending the same file store it once; their sizes
    /// count against the quota until they end.
    private var uploads: [String: (size: Int64, task: Task<Void, any Error>)] = [:]

    /// Opens the store in `dataDirectory`, keeping the complete files an earlier JobTracker left.
    init(dataDirectory: String, settings: JobFileStoreSettings, metrics: JobFileStoreMetrics) throws {
        directory = dataDirectory + "/job-files"
        self.settings = settings
        self.metrics = metrics
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: directory) {
            let path = directory + "/" + name
            guard name.hasSuffix(".json"), let data = FileManager.default.contents(atPath: path),
                let record = try? JSONDecoder().decode(Record.self, from: data),
                FileManager.default.fileExists(atPath: directory + "/" + record.file.sha256)
            else {
                if !JobFileReference.isValidHash(name) || !FileManager.default.fileExists(atPath: path + ".json") {
                    try? FileManager.default.removeItem(atPath: path)
                }
                continue
            }
            records[record.file.sha256] = record
        }
        metrics.holds(files: records.count, bytes: records.values.reduce(0) { $0 + $1.file.size })
    }

    /// Whether the store holds the file with hash `sha256`.
    func contains(_ sha256: String) -> Bool {
        records[sha256] != nil
    }

    /// The bytes held, and how many files.
    var usage: (bytes: Int64, files: Int) {
        (records.values.reduce(0) { $0 + $1.file.size }, records.count)
    }

    /// Stores an uploaded file after checking its size, room in the store, and its hash.
    ///
    /// - Throws: ``InputError`` naming the file when it is too large, the store is full of files
    ///   running jobs need, or the bytes are not the announced ones.
    func receive(_ file: JobFileReference, body: ChunkStream?) async throws {
        if records[file.sha256] != nil {
            body?.discard()
            touch(file.sha256)
            return
        }
        if let upload = uploads[file.sha256] {
            body?.discard()
            return try await upload.task.value
        }
        try makeRoom(for: file)
        let path = path(of: file.sha256)
        let upload = Task {
            try await FileStreaming.receive(body, into: path, size: file.size, sha256: file.sha256)
        }
        uploads[file.sha256] = (file.size, upload)
        defer { uploads[file.sha256] = nil }
        do {
            try await upload.value
        } catch {
            throw InputError(path: file.name, problem: "upload refused: \(error)")
        }
        let record = Record(file: file, lastUsed: Date())
        try JSONEncoder().encode(record).write(to: URL(fileURLWithPath: path + ".json"), options: .atomic)
        records[file.sha256] = record
        metrics.uploaded(bytes: file.size)
        metrics.holds(files: usage.files, bytes: usage.bytes)
    }

    /// The path of a stored file, for a tracker's fetch.
    func fetchPath(of sha256: String) throws -> String {
        guard records[sha256] != nil else {
            throw InputError(path: sha256, problem: "no such file in the JobTracker's job-file store")
        }
        touch(sha256)
        return path(of: sha256)
    }

    /// Marks the file as used by `job`, which keeps it until the job ends.
    func retain(_ sha256: String, for job: JobID) throws {
        guard records[sha256] != nil else {
            throw InputError(
                path: sha256,
                problem: "the JobTracker's job-file store does not hold this file (upload it before submitting)"
            )
        }
        users[sha256, default: []].insert(job)
        touch(sha256)
    }

    /// Drops `job`'s use of every file; they stay for the retention time.
    func release(_ job: JobID) {
        for sha256 in users.keys where users[sha256]!.remove(job) != nil {
            touch(sha256)
            if users[sha256]!.isEmpty { users[sha256] = nil }
        }
    }

    /// Removes files no running job used for longer than the retention time.
    func collectGarbage(now: Date = Date()) {
        for sha256 in JobFileQuota.expired(entries, retention: settings.retention.seconds, now: now) { remove(sha256) }
    }

    private var entries: [JobFileQuota.Entry] {
        let stored = records.values.map {
            JobFileQuota.Entry(
                sha256: $0.file.sha256,
                size: $0.file.size,
                lastUsed: $0.lastUsed,
                isReferenced: users[$0.file.sha256] != nil
            )
        }
        let arriving = uploads.map {
            JobFileQuota.Entry(sha256: $0.key, size: $0.value.size, lastUsed: Date(), isReferenced: true)
        }
        return stored + arriving
    }

    private func makeRoom(for file: JobFileReference) throws {
        let quota = JobFileQuota(maximumFileSize: settings.maximumFileSize, quota: settings.quota)
        do {
            for sha256 in try quota.evictions(toStore: file.size, beside: entries) { remove(sha256) }
        } catch .fileTooLarge(let limit) {
            throw InputError(
                path: file.name,
                problem:
                    "\(ByteCountText.describe(file.size)) is more than the JobTracker's job-file limit of \(ByteCountText.describe(limit)) (jobtracker --job-file-limit)"
            )
        } catch .storeFull(let quota, let referenced) {
            throw InputError(
                path: file.name,
                problem:
                    "the JobTracker's job-file store is full: running jobs need \(ByteCountText.describe(referenced)) of its \(ByteCountText.describe(quota)) (jobtracker --job-file-quota)"
            )
        }
    }

    private func touch(_ sha256: String) {
        records[sha256]?.lastUsed = Date()
    }

    private func remove(_ sha256: String) {
        records[sha256] = nil
        metrics.holds(files: usage.files, bytes: usage.bytes)
        try? FileManager.default.removeItem(atPath: path(of: sha256))
        try? FileManager.default.removeItem(atPath: path(of: sha256) + ".json")
    }

    private func path(of sha256: String) -> String {
        directory + "/" + sha256
    }
}
