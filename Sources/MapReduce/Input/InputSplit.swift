/// The part of a job's input that one map task reads.
///
/// For text, a split is the byte range `[start, start + length)` of a file. Other input formats
/// give `start` and `length` their own unit (an image format counts rows) and say so.
public struct InputSplit: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The file the split belongs to.
    public let path: String
    /// The first unit of the split.
    public let start: Int64
    /// How many units the split covers.
    public let length: Int64

    /// Creates a split.
    public init(path: String, start: Int64, length: Int64) {
        self.path = path
        self.start = start
        self.length = length
    }

    /// The unit after the split's last.
    public var end: Int64 { start + length }

    public var description: String { "\(path):\(start)+\(length)" }
}
