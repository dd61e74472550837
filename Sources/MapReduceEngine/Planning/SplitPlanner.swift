import MapReduce

/// Decides how a phase's input is cut into map tasks.
///
/// Two rules on top of the input format's own splits, both as Spark's file sources apply them:
/// the split size shrinks for small inputs so that every slot gets work, and small splits (of
/// small files) are packed into one map task up to the split size, so a thousand 1 KB files do
/// not cost a thousand tasks.
public enum SplitPlanner {
    /// The smallest split size the planner shrinks to, 1 MiB.
    public static let minimumSplitSize: Int64 = 1 << 20

    /// The split size for `totalBytes` of input on `slots` slots: the configured size, or less,
    /// down to ``minimumSplitSize``, so that there are about two tasks per slot.
    public static func splitSize(configured: Int64, totalBytes: Int64, slots: Int) -> Int64 {
        let perTask = (totalBytes + Int64(2 * slots) - 1) / Int64(2 * slots)
        return min(configured, max(minimumSplitSize, perTask))
    }

    /// Groups consecutive splits into tasks whose lengths add up to at most `target`; without
    /// `combining`, every split is a task of its own.
    public static func group(_ splits: [InputSplit], target: Int64, combining: Bool) -> [[InputSplit]] {
        guard combining else { return splits.map { [$0] } }
        var tasks: [[InputSplit]] = []
        var current: [InputSplit] = []
        var size: Int64 = 0
        for split in splits {
            if !current.isEmpty, size + split.length > target {
                tasks.append(current)
                current = []
                size = 0
            }
            current.append(split)
            size += split.length
        }
        if !current.isEmpty { tasks.append(current) }
        return tasks
    }

    /// The map tasks of `phase` over `files`: its input format's splits of at most `splitSize`
    /// (smaller for small inputs, so `slots` slots all get work), small ones packed together when
    /// the format allows it.
    public static func mapTasks(
        of phase: Phase,
        files: [InputFile],
        splitSize: Int64,
        slots: Int
    ) throws -> [[InputSplit]] {
        let totalBytes = files.reduce(0) { $0 + $1.size }
        let size =
            phase.combinesSmallSplits
            ? self.splitSize(configured: splitSize, totalBytes: totalBytes, slots: slots) : splitSize
        return group(try phase.splits(files, size), target: size, combining: phase.combinesSmallSplits)
    }

    /// A task's splits in a few words, for error messages: the first split and how many follow.
    public static func describe(_ splits: [InputSplit]) -> String {
        guard let first = splits.first else { return "no input" }
        return splits.count == 1 ? first.description : "\(first) and \(splits.count - 1) more splits"
    }
}
