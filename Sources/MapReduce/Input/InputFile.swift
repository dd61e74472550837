/// A file of a job's input, with its size when the job was submitted.
///
/// `path` names the file as the job knows it, the same on every node. A tracker that fetched
/// its own copy of the file sets ``localPath``, and code that reads the file opens ``readPath``.
public struct InputFile: Sendable, Hashable, Codable {
    /// The file's path, as the job names it.
    public let path: String
    /// Its size in bytes.
    public let size: Int64
    /// A local copy of `path` to read instead, or nil to read `path` itself.
    public let localPath: String?

    /// Creates a description of an input file; `localPath` is a copy of it to read instead.
    public init(path: String, size: Int64, localPath: String? = nil) {
        self.path = path
        self.size = size
        self.localPath = localPath
    }

    /// Where this process reads the file: its local copy when there is one, else `path`.
    public var readPath: String { localPath ?? path }
}
