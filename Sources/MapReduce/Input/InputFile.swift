/// A file of a job's input, with its size when the job was submitted.
public struct InputFile: Sendable, Hashable, Codable {
    /// The file's path.
    public let path: String
    /// Its size in bytes.
    public let size: Int64

    /// Creates a description of an input file.
    public init(path: String, size: Int64) {
        self.path = path
        self.size = size
    }
}
