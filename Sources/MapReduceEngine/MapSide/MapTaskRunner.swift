import Glibc
import MapReduce

/// Runs one map task attempt on this machine: map the splits into spills, then merge the spills
/// into the attempt's one sorted, partitioned output file.
public enum MapTaskRunner {
    /// Runs the attempt `info.attempt` of `phase` over `splits`, writing into `directory`.
    ///
    /// - Returns: the output file, its partition index and the task's counters.
    public static func run(
        phase: Phase,
        info: TaskInfo,
        splits: [InputSplit],
        reduceCount: Int,
        bufferLimit: Int,
        directory: String,
        progress: @escaping (Int64) -> Void = { _ in }
    ) throws -> MapTaskResult {
        let collector = SpillCollector(attempt: info.attempt, directory: directory, partitionCount: reduceCount)
        var counters = try phase.runMap(
            MapTaskRequest(
                info: info,
                splits: splits,
                reduceCount: reduceCount,
                bufferLimit: bufferLimit,
                sink: collector,
                progress: progress
            )
        )
        let outputPath = directory + "/" + info.attempt.mapOutputFileName
        let segments: [MapOutputSegment]
        switch collector.spills.count {
        case 0:
            segments = try MapOutputFileWriter(path: outputPath, partitionCount: reduceCount).finish()
        case 1:
            try rename(collector.spills[0].path, to: outputPath)
            segments = collector.spills[0].segments
        default:
            let merged = try SpillMerger.merge(
                collector.spills,
                into: outputPath,
                partitionCount: reduceCount,
                combine: phase.combineEncoded
            )
            segments = merged.segments
            counters.increment(.combineOutputRecords, by: -merged.combined)
            for spill in collector.spills { unlink(spill.path) }
        }
        return MapTaskResult(path: outputPath, segments: segments, counters: counters)
    }

    /// Runs the attempt `info.attempt` of a map-only `phase` over `splits`: its pairs go, in emit
    /// order, to the attempt's `part-m-NNNNN` file in `directory` through the phase's output format.
    ///
    /// - Returns: the task's counters.
    public static func runMapOnly(
        phase: Phase,
        info: TaskInfo,
        splits: [InputSplit],
        directory: String,
        progress: @escaping (Int64) -> Void = { _ in }
    ) throws -> Counters {
        guard let runMapOnly = phase.runMapOnly, phase.supportsMapOnly else {
            throw InputError(path: phase.name, problem: MapOnlyCheck.unsupported)
        }
        return try runMapOnly(MapOnlyTaskRequest(info: info, splits: splits, directory: directory, progress: progress))
    }

    static func rename(_ source: String, to destination: String) throws {
        guard Glibc.rename(source, destination) == 0 else {
            throw SystemError(path: source, action: "cannot rename to \(destination)")
        }
    }
}

/// A finished map attempt's output: one file with a segment per reduce partition.
public struct MapTaskResult: Sendable, Codable {
    /// The output file.
    public let path: String
    /// Where each partition's records are in it.
    public let segments: [MapOutputSegment]
    /// The attempt's counters.
    public let counters: Counters

    /// Describes a finished map output.
    public init(path: String, segments: [MapOutputSegment], counters: Counters) {
        self.path = path
        self.segments = segments
        self.counters = counters
    }
}
