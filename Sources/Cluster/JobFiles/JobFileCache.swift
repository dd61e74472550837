import Foundation
import MapReduce

/// A tracker's cache of job files fetched from the JobTracker's job-file store: each fetched once,
/// checked against its hash, and kept under a size cap, the least recently used going first.
///
/// A file stays while a job that uses it runs on the tracker (``pin(_:for:)``), so the cap can be
/// exceeded only by refusing a new file, never by deleting one an attempt may be running.
actor JobFileCache {
    /// Fetches a file's bytes into a path; the cache checks them afterwards.
    typealias Fetch = @Sendable (_ file: JobFileReference, _ into: String) async throws -> Void

    private struct Entry {
        var size: Int64
        var lastUsed: Date
    }

    let directory: String
    /// The most bytes the cache keeps.
    let capacity: Int64
    private var entries: [String: Entry] = [:]
    private var pins: [String: Set<JobID>] = [:]
    private var fetches: [String: Task<String, any Error>] = [:]

    /// A cache in `directory` holding at most `capacity` bytes; keeps the files an earlier run left there.
    init(directory: String, capacity: Int64) throws {
        self.directory = directory
        self.capacity = capacity
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: directory) {
            let path = directory + "/" + name
            guard JobFileReference.isValidHash(name),
                let attributes = try? FileManager.default.attributesOfItem(atPath: path)
            else {
                try? FileManager.default.removeItem(atPath: path)
                continue
            }
            entries[name] = Entry(
                size: (attributes[.size] as? NSNumber)?.int64Value ?? 0,
                lastUsed: attributes[.modificationDate] as? Date ?? .distantPast
            )
        }
    }

    /// The bytes held.
    var size: Int64 { entries.values.reduce(0) { $0 + $1.size } }

    /// The local path of `file`, fetched through `fetch` and checked first if the cache lacks it;
    /// the file stays while `job` runs here.
    ///
    /// A fetch whose bytes do not hash to the file's SHA-256 is thrown away and fetched once more.
    func path(of file: JobFileReference, for job: JobID, fetch: @escaping Fetch) async throws -> String {
        pins[file.sha256, default: []].insert(job)
        if entries[file.sha256] != nil {
            entries[file.sha256]!.lastUsed = Date()
            return directory + "/" + file.sha256
        }
        if let running = fetches[file.sha256] { return try await running.value }
        let task = Task { try await self.download(file, fetch: fetch) }
        fetches[file.sha256] = task
        defer { fetches[file.sha256] = nil }
        do {
            return try await task.value
        } catch {
            unpin(file.sha256, job: job)
            throw error
        }
    }

    /// Releases every file `job` held, which may then be evicted.
    func release(_ job: JobID) {
        for sha256 in Array(pins.keys) { unpin(sha256, job: job) }
    }

    private func download(_ file: JobFileReference, fetch: Fetch) async throws -> String {
        try makeRoom(for: file)
        let target = directory + "/" + file.sha256
        var lastError: (any Error)?
        for _ in 0..<2 {
            let partial = directory + "/.partial-" + file.sha256
            do {
                try await fetch(file, partial)
                try JobFileCache.check(partial, against: file)
                try FileManager.default.setAttributes(
                    [.posixPermissions: file.isExecutable ? 0o755 : 0o644],
                    ofItemAtPath: partial
                )
                guard rename(partial, target) == 0 else { throw SystemError(path: target, action: "cannot rename") }
                entries[file.sha256] = Entry(size: file.size, lastUsed: Date())
                return target
            } catch {
                try? FileManager.default.removeItem(atPath: partial)
                lastError = error
            }
        }
        throw lastError!
    }

    /// Checks that the file at `path` has `file`'s size and SHA-256.
    static func check(_ path: String, against file: JobFileReference) throws {
        let digest = try FileDigest.sha256(ofFileAt: path)
        guard digest.size == file.size, digest.hash == file.sha256 else {
            throw InputError(
                path: file.description,
                problem: "the fetched copy has SHA-256 \(digest.hash) and \(digest.size) bytes, not the file's; refused"
            )
        }
    }

    private func makeRoom(for file: JobFileReference) throws {
        var total = size
        guard total + file.size > capacity else { return }
        for (sha256, entry) in entries.sorted(by: { $0.value.lastUsed < $1.value.lastUsed }) where pins[sha256] == nil {
            try? FileManager.default.removeItem(atPath: directory + "/" + sha256)
            entries[sha256] = nil
            total -= entry.size
            if total + file.size <= capacity { return }
        }
        throw InputError(
            path: file.description,
            problem:
                "the tracker's job-file cache cannot hold its \(ByteCountText.describe(file.size)) beside the files running jobs use (cap \(ByteCountText.describe(capacity)), tasktracker --job-file-cache)"
        )
    }

    private func unpin(_ sha256: String, job: JobID) {
        pins[sha256]?.remove(job)
        if pins[sha256]?.isEmpty == true { pins[sha256] = nil }
    }
}
