import Glibc
import MapReduce

/// Merges a reduce's map output segments on disk while the rest are still being fetched, so that
/// the reduce's final merge has few inputs (Hadoop's on-disk shuffle merge).
///
/// Only segments of consecutive maps are merged together, in map order: a merged run then stands
/// for a range of map indices, and the final merge, whose inputs are in map order and which
/// breaks ties by input order, hands equal keys to the reducer in map-index order exactly as it
/// would without intermediate merges. Once `factor` consecutive maps' runs are present they are
/// merged into one file in `directory`; merging reads `factor` segments through their buffers
/// and writes one, so its memory is bounded by the factor. Files the merger wrote are deleted
/// when they are merged again; segments it was given are never deleted. One task uses a merger at
/// a time.
public final class ShuffleMerger: @unchecked Sendable {
    /// A range of consecutive maps whose records are in one input.
    public struct Run: Sendable {
        /// The first and last map index the run covers.
        public let maps: ClosedRange<Int>
        /// Where its records are.
        public let input: ReduceTaskRunner.Input
        /// Whether the merger wrote the file (and may delete it).
        let isOwned: Bool
    }

    /// Runs merged at once, and how many consecutive runs start a merge (Hadoop's `io.sort.factor`).
    public let factor: Int
    private let directory: String
    private var runs: [Run] = []
    private var merges = 0

    /// The default merge factor.
    public static let defaultFactor = 10

    /// Creates a merger that writes its files into `directory`.
    public init(directory: String, factor: Int = defaultFactor) {
        self.directory = directory
        self.factor = max(2, factor)
    }

    /// Adds the segment of map `mapIndex`, then merges while `factor` consecutive runs are present.
    public func add(mapIndex: Int, input: ReduceTaskRunner.Input) throws {
        let position = runs.firstIndex { $0.maps.lowerBound > mapIndex } ?? runs.count
        runs.insert(Run(maps: mapIndex...mapIndex, input: input, isOwned: false), at: position)
        while let group = consecutiveGroup() { try merge(group) }
    }

    /// The inputs of the final merge, in map order.
    public var inputs: [ReduceTaskRunner.Input] { runs.map(\.input) }

    /// The runs held, in map order.
    public var heldRuns: [Run] { runs }

    /// The first `factor` runs that cover consecutive maps, if there are that many.
    private func consecutiveGroup() -> Range<Int>? {
        var start = 0
        for index in runs.indices {
            if index > start, runs[index - 1].maps.upperBound + 1 != runs[index].maps.lowerBound { start = index }
            if index - start + 1 == factor { return start..<index + 1 }
        }
        return nil
    }

    /// Merges the runs in `group` into one file that replaces them.
    private func merge(_ group: Range<Int>) throws {
        let members = Array(runs[group])
        let path =
            "\(directory)/merged-\(members.first!.maps.lowerBound)-\(members.last!.maps.upperBound)-\(merges).segment"
        merges += 1
        let readers = try members.filter { $0.input.segment.records > 0 }.map {
            SegmentReader(file: try FileReadHandle(path: $0.input.path), segment: $0.input.segment)
        }
        let merger = RecordMerger(readers)
        let output = try MapOutputFileWriter(path: path, partitionCount: 1)
        while try merger.advance() {
            try output.append(partition: 0, key: merger.key, value: try merger.value())
        }
        let segment = try output.finish()[0]
        for member in members where member.isOwned { unlink(member.input.path) }
        let merged = Run(
            maps: members.first!.maps.lowerBound...members.last!.maps.upperBound,
            input: ReduceTaskRunner.Input(path: path, segment: segment),
            isOwned: true
        )
        runs.replaceSubrange(group, with: [merged])
    }
}
