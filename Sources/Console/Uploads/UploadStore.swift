import Foundation
import MapReduce
import NIOCore

/// The console's uploads: one directory per upload under `<data-dir>/console/uploads/<id>/`,
/// holding the file under its checked name and `upload.json`.
///
/// Ids are chosen here and checked on every request, and names pass ``UploadName``, so nothing a
/// user sends can make a path leave the directory.
public struct UploadStore: Sendable {
    /// The directory of all uploads.
    public let root: String
    /// The largest upload accepted, in bytes.
    public let limit: Int64

    /// A store under `dataDirectory`.
    public init(dataDirectory: String, limit: Int64) throws {
        let absolute =
            dataDirectory.hasPrefix("/")
            ? dataDirectory : FileManager.default.currentDirectoryPath + "/" + dataDirectory
        root = URL(fileURLWithPath: absolute).standardizedFileURL.path + "/console/uploads"
        self.limit = limit
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    /// Streams `body` into a new upload named `name`; refuses it past ``limit`` bytes, leaving nothing behind.
    public func save(name: String, body: some AsyncSequence<ByteBuffer, any Error>) async throws -> Upload {
        let checked = try UploadName.check(name)
        let id = (0..<8).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
        let directory = root + "/" + id
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
        let path = directory + "/" + checked
        do {
            guard FileManager.default.createFile(atPath: path, contents: nil) else {
                throw InputError(path: checked, problem: "cannot create the file")
            }
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            var size: Int64 = 0
            do {
                for try await buffer in body {
                    size += Int64(buffer.readableBytes)
                    guard size <= limit else { throw UploadTooLarge(limit: limit) }
                    try handle.write(contentsOf: buffer.readableBytesView)
                }
                try handle.close()
            } catch {
                try? handle.close()
                throw error
            }
            guard size > 0 else { throw InputError(path: checked, problem: "the upload is empty") }
            let upload = Upload(
                id: id,
                name: checked,
                size: size,
                uploadedAt: Date().timeIntervalSince1970,
                kind: UploadKind.detect(path: path)
            )
            try write(upload)
            return upload
        } catch {
            try? FileManager.default.removeItem(atPath: directory)
            throw error
        }
    }

    /// Every upload, newest first.
    public func list() -> [Upload] {
        let ids = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return ids.filter(Upload.isValidID).compactMap { try? upload($0) }.sorted { $0.uploadedAt > $1.uploadedAt }
    }

    /// The upload with `id`.
    public func upload(_ id: String) throws -> Upload {
        guard Upload.isValidID(id), let data = FileManager.default.contents(atPath: directory(of: id) + "/upload.json")
        else {
            throw UploadNotFound(id: id)
        }
        return try JSONDecoder().decode(Upload.self, from: data)
    }

    /// Saves an upload's record.
    public func write(_ upload: Upload) throws {
        let data = try JSONEncoder().encode(upload)
        try data.write(to: URL(fileURLWithPath: directory(of: upload.id) + "/upload.json"), options: .atomic)
    }

    /// Deletes an upload.
    public func delete(_ id: String) throws {
        _ = try upload(id)
        try FileManager.default.removeItem(atPath: directory(of: id))
    }

    /// The directory of upload `id` (which must be valid).
    public func directory(of id: String) -> String {
        precondition(Upload.isValidID(id), "unchecked upload id")
        return root + "/" + id
    }

    /// The uploaded file's path.
    public func filePath(of upload: Upload) -> String {
        directory(of: upload.id) + "/" + upload.name
    }
}
