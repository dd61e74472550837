/// How a phase's input files are cut into splits and each split read as records.
public protocol InputFormat: Sendable {
    /// The record type handed to the mapper.
    associatedtype Record

    /// Cuts the input files into splits of about `splitSize` units each.
    func splits(of files: [InputFile], splitSize: Int64) throws -> [InputSplit]

    /// Reads the records of one split, calling `body` for each, and returns how many input bytes it consumed.
    func read(_ split: InputSplit, _ body: (Record) throws -> Void) throws -> Int64

    /// Whether splits count bytes, so that small ones (of small files) may be combined into one
    /// map task, as Hadoop's `CombineFileInputFormat` and Spark's file partitions do.
    var combinesSmallSplits: Bool { get }

    /// Whether the format reads the job's input files; one that generates its records
    /// (``GeneratedInputFormat``) does not, and its job runs with no input paths.
    var readsFiles: Bool { get }
}

extension InputFormat {
    /// By default, splits are not combined: each is one map task.
    public var combinesSmallSplits: Bool { false }

    /// By default, records come from the job's input files.
    public var readsFiles: Bool { true }
}
