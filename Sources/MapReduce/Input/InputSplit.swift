/// The part of a job's input that one map task reads.
///
/// For text, a split is the byte range `[start, start + length)` of a file. Other input formats
/// give `start` and `length` their own unit (an image format counts rows) and say so.
///
/// `path` is the file as the job names it, the same on every node; an input format opens
/// ``readPath``, which is a tracker's local copy of the file when it fetched one.
public struct InputSplit: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The file the split belongs to, as the job names it (in keys, output names and errors).
    public let path: String
    /// The first unit of the split.
    public let start: Int64
    /// How many units the split covers.
    public let length: Int64
    /// A local copy of `path` that this task reads instead, or nil to read `path` itself.
    public let localPath: String?

    /// Creates a split; `localPath` is a copy of `path` for the task to read instead.
    public init(path: String, start: Int64, length: Int64, localPath: String? = nil) {
        self.path = path
        self.start = start
        self.length = length
        self.localPath = localPath
    }

    /// Where this task reads the file: a tracker's local copy of `path` when it fetched one; job
    /// code names and keys the file by `path`.
    public var readPath: String { localPath ?? path }

    /// A split of generated input (``GeneratedInputFormat``): rows `[start, start + length)` of
    /// no file, its ``path`` empty.
    public static func generated(start: Int64, length: Int64) -> InputSplit {
        InputSplit(path: "", start: start, length: length)
    }

    /// Whether the split is of generated input rather than of a file.
    public var isGenerated: Bool { path.isEmpty }

    /// The unit after the split's last.
    public var end: Int64 { start + length }

    /// The split as `path:start+length`, for logs and errors.
    public var description: String { "\(isGenerated ? "generated rows" : path):\(start)+\(length)" }
}
