import Foundation

/// A file uploaded through the console, kept in its own directory under the JobTracker's data
/// directory with the jobs run on it.
public struct Upload: Sendable, Codable, Equatable {
    /// The upload's id: 16 lowercase hexadecimal digits, chosen by the JobTracker.
    public var id: String
    /// The file name the user gave (checked: a plain name, no directory part).
    public var name: String
    /// Bytes stored.
    public var size: Int64
    /// When it was uploaded, seconds since 1970.
    public var uploadedAt: Double
    /// `image` for a JPEG or TIFF (by its bytes), else `text`.
    public var kind: String
    /// Jobs submitted on it, oldest first.
    public var jobs: [String]
    /// The equalization mode of its last histeq job, or empty.
    public var mode: String

    /// Creates the value.
    public init(id: String, name: String, size: Int64, uploadedAt: Double, kind: String, jobs: [String] = [], mode: String = "") {
        self.id = id
        self.name = name
        self.size = size
        self.uploadedAt = uploadedAt
        self.kind = kind
        self.jobs = jobs
        self.mode = mode
    }

    /// The name of the equalized result for downloads: `<stem>_equalized<.ext>`.
    public var resultName: String {
        let dot = name.lastIndex(of: ".").flatMap { $0 == name.startIndex ? nil : $0 }
        guard let dot else { return name + "_equalized" }
        return name[..<dot] + "_equalized" + name[dot...]
    }

    /// Whether `id` has the form of an upload id, so that it can be part of a path.
    public static func isValidID(_ id: String) -> Bool {
        id.utf8.count == 16 && id.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }
}
