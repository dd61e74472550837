import MapReduce

/// Runs one reduce task attempt on this machine: merge the partition's segments of every map
/// output, group by key, reduce, and write into the attempt's directory.
public enum ReduceTaskRunner {
    /// A partition's records in one map output file.
    public struct Input: Sendable {
        /// The map output file.
        public let path: String
        /// The partition's segment in it.
        public let segment: MapOutputSegment

        /// Creates an input.
        public init(path: String, segment: MapOutputSegment) {
            self.path = path
            self.segment = segment
        }
    }

    /// Runs the attempt `info.attempt` of `phase` over `inputs`, writing into `directory`;
    /// `progress` hears the number of records read now and then.
    public static func run(
        phase: Phase,
        info: TaskInfo,
        inputs: [Input],
        directory: String,
        progress: @escaping (Int64) -> Void = { _ in }
    ) throws -> Counters {
        let readers = try inputs.filter { $0.segment.records > 0 }.map {
            SegmentReader(file: try FileReadHandle(path: $0.path), segment: $0.segment)
        }
        let source = GroupingSource(merger: RecordMerger(readers), progress: progress)
        var counters = try phase.runReduce(ReduceTaskRequest(info: info, source: source, directory: directory))
        counters.increment(.reduceInputRecords, by: source.recordCount)
        return counters
    }
}
