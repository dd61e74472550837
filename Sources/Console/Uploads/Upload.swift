import Foundation

/// A file uploaded through the console, kept in its own directory under the JobTracker's data
/// directory, with the jobs that read it.
public struct Upload: Sendable, Codable, Equatable {
    /// The upload's id: 16 lowercase hexadecimal digits, chosen by the JobTracker.
    public var id: String
    /// The file name the user gave (checked: a plain name, no directory part).
    public var name: String
    /// Bytes stored.
    public var size: Int64
    /// When it was uploaded, seconds since 1970.
    public var uploadedAt: Double
    /// `jpeg`, `tiff` or `other`, by the file's first bytes.
    public var kind: String
    /// Jobs submitted from the console that read it, oldest first.
    public var jobs: [String]

    /// Creates the value.
    public init(id: String, name: String, size: Int64, uploadedAt: Double, kind: String, jobs: [String] = []) {
        self.id = id
        self.name = name
        self.size = size
        self.uploadedAt = uploadedAt
        self.kind = kind
        self.jobs = jobs
    }

    /// Whether `id` has the form of an upload id, so that it can be part of a path.
    public static func isValidID(_ id: String) -> Bool {
        id.utf8.count == 16 && id.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }
}
