/// Input that needs no files: a range of row numbers cut into a fixed number of splits, whose
/// mapper generates the records, as the splits of Hadoop's TeraGen and SleepJob do.
///
/// Rows `0..<rows` are cut into ``splitCount`` splits of consecutive rows, as even as can be (the
/// first `rows % splitCount` get one more), and each split is one map task, whatever the job's
/// split size. The mapper gets each row's number in turn; ``MapContext/inputSplit`` tells it
/// the task's whole range. A job whose phases all read generated input runs with no input paths
/// (`mrsubmit teragen --rows 1000 -o DIR`); a map-only phase writes one `part-m-NNNNN` file per
/// split. With no rows there are no splits and no map tasks. A split counts no input bytes.
///
/// A task that needs no rows at all (a sleep job) can take one row per split: `rows` equal to
/// `splitCount`.
public struct GeneratedInputFormat: InputFormat {
    /// The record of a generated split: a row number.
    public typealias Record = Int64

    /// How many rows the input has.
    public let rows: Int64
    /// How many splits, and so map tasks, the rows are cut into (fewer when there are fewer rows).
    public let splitCount: Int

    /// Creates the input of `rows` rows in `splits` splits.
    public init(rows: Int64, splits: Int) {
        precondition(rows >= 0, "the row count cannot be negative")
        precondition(splits > 0, "generated input needs at least one split")
        self.rows = rows
        splitCount = splits
    }

    /// Generated input reads no files.
    public var readsFiles: Bool { false }

    /// The row ranges, ignoring `files` and `splitSize`.
    public func splits(of files: [InputFile], splitSize: Int64) throws -> [InputSplit] {
        let count = Int64(min(Int64(splitCount), rows))
        guard count > 0 else { return [] }
        return (0..<count).map { index in
            let start = rows / count * index + min(index, rows % count)
            let length = rows / count + (index < rows % count ? 1 : 0)
            return InputSplit.generated(start: start, length: length)
        }
    }

    /// Calls `body` with each row number of the split, in order; reads no bytes.
    public func read(_ split: InputSplit, _ body: (Int64) throws -> Void) throws -> Int64 {
        var row = split.start
        while row < split.end {
            try body(row)
            row += 1
        }
        return 0
    }
}
