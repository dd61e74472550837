import Glibc
import MapReduce

/// Merges a reduce's map output segments, in memory and on disk, while the rest are still being
/// fetched, so that the reduce's final merge has at most `factor` inputs (Hadoop's in-memory and
/// on-disk shuffle merges).
///
/// Segments fetched into memory (``ShuffleSegment/memory(_:records:)``) stay there until the bytes
/// held pass the ``ShuffleMemory/mergeThreshold``; then each run of consecutive maps' segments in
/// memory is merged into one file (a lone segment is written as it is), which frees their memory.
/// Runs on disk, and segments in memory beside them, are merged once `factor` runs of consecutive
/// maps that have been through as many merges (the same level) are present, into one run of the
/// next level: a record is rewritten once per level, about log_factor(maps) times, however the
/// maps arrive. ``finish()`` writes what is still in memory and, when more than `factor` runs
/// remain, merges the adjacent runs with the fewest bytes so that `factor` are left.
///
/// Only runs of consecutive maps are merged, in map order. A run then stands for a range of map
/// indices, and each merge, whose inputs are in map order and which breaks ties by input order
/// (``RecordMerger``), keeps equal keys in map-index order, as the final merge does: the reducer
/// sees exactly what it would without intermediate merges, whatever order the maps finish in.
/// Merging runs that are not adjacent would need every record tagged with its map index and a
/// final merge (in the task's child process) that breaks ties by the tags, a format change for
/// every reduce; the gain would only be merges that now wait until a late map has arrived, since
/// a late map holds back only the merges of runs around it. Memory stays bounded even then: any
/// segment in memory can be written alone.
///
/// Memory: segments in memory are reserved in ``memory`` and never pass its limit; a merge reads
/// each file through a 128 KiB buffer and each segment in memory where it lies, and writes through
/// one buffer. Files the merger wrote are deleted when they are merged again; segments it was
/// given are never deleted. One thread uses a merger at a time.
public final class ShuffleMerger: @unchecked Sendable {
    /// A range of consecutive maps whose records are in one segment.
    public struct Run: Sendable {
        /// The first and last map index the run covers.
        public let maps: ClosedRange<Int>
        /// Where its records are.
        public let segment: ShuffleSegment
        /// How many merges its records have been through on disk.
        public let level: Int
        /// Whether the merger wrote the file (and may delete it).
        let isOwned: Bool

        /// The run's file, when it is on disk.
        public var input: ReduceTaskRunner.Input? {
            if case .file(let input) = segment { input } else { nil }
        }

        /// Whether the run is a segment in memory.
        public var isInMemory: Bool { input == nil }

        /// The bytes of its records.
        var bytes: Int64 {
            switch segment {
            case .file(let input): input.segment.length
            case .memory(let kept, _): Int64(kept.filled)
            }
        }

        /// A reader of its records; nil when it has none.
        func reader() throws -> SegmentReader? {
            switch segment {
            case .file(let input):
                guard input.segment.records > 0 else { return nil }
                return SegmentReader(file: try FileReadHandle(path: input.path), segment: input.segment)
            case .memory(let kept, let records):
                return records > 0 ? SegmentReader(memory: kept) : nil
            }
        }
    }

    /// Runs merged at once, and how many adjacent runs of a level start a merge (Hadoop's
    /// `io.sort.factor`).
    public let factor: Int
    /// The memory segments in memory are reserved in.
    public let memory: ShuffleMemory
    private let directory: String
    private var runs: [Run] = []
    private var files = 0

    /// The bytes of the segments held in memory now.
    public private(set) var bytesInMemory: Int64 = 0
    /// The most bytes of segments held in memory at once.
    public private(set) var memoryHighWater: Int64 = 0
    /// How many times segments in memory were written to disk, merged or alone.
    public private(set) var memoryWrites = 0
    /// How many merges of `factor` runs ran while fetching.
    public private(set) var levelMerges = 0

    /// The default merge factor.
    public static let defaultFactor = 10

    /// Creates a merger that writes its files into `directory`; segments in memory are reserved
    /// in `memory`.
    public init(directory: String, factor: Int = defaultFactor, memory: ShuffleMemory = ShuffleMemory(limit: 0)) {
        self.directory = directory
        self.factor = max(2, factor)
        self.memory = memory
    }

    /// Adds the segment of map `mapIndex`, writes the segments in memory to disk when they pass the
    /// merge threshold, then merges while `factor` adjacent runs of a level are present.
    public func add(mapIndex: Int, _ segment: ShuffleSegment) throws {
        let run = Run(maps: mapIndex...mapIndex, segment: segment, level: 0, isOwned: false)
        let position = runs.firstIndex { $0.maps.lowerBound > mapIndex } ?? runs.count
        runs.insert(run, at: position)
        if run.isInMemory {
            bytesInMemory += run.bytes
            memoryHighWater = max(memoryHighWater, bytesInMemory)
        }
        if bytesInMemory > memory.mergeThreshold { try writeMemory() }
        while let group = levelGroup() {
            try merge(group, level: runs[group.lowerBound].level + 1)
            levelMerges += 1
        }
    }

    /// Writes the segments still in memory to disk and merges down to `factor` runs; returns the
    /// inputs of the final merge, in map order.
    public func finish() throws -> [ReduceTaskRunner.Input] {
        try writeMemory()
        if runs.count > factor, let window = cheapestWindow(of: runs.count - factor + 1) {
            try merge(window, level: runs[window].map(\.level).max()! + 1)
        }
        return runs.compactMap(\.input)
    }

    /// Drops every run, which frees the segments in memory, for a reduce that failed.
    public func abandon() {
        runs = []
        bytesInMemory = 0
    }

    /// The runs held, in map order.
    public var heldRuns: [Run] { runs }

    /// Whether run `index` starts at the map after run `index - 1`'s last.
    private func followsPrevious(_ index: Int) -> Bool {
        runs[index - 1].maps.upperBound + 1 == runs[index].maps.lowerBound
    }

    /// The first `factor` adjacent runs of one level that cover consecutive maps, if there are.
    private func levelGroup() -> Range<Int>? {
        var start = 0
        for index in runs.indices {
            if index > start, !followsPrevious(index) || runs[index].level != runs[index - 1].level { start = index }
            if index - start + 1 == factor { return start..<index + 1 }
        }
        return nil
    }

    /// The `size` adjacent runs of consecutive maps with the fewest bytes.
    private func cheapestWindow(of size: Int) -> Range<Int>? {
        runs.indices.dropLast(size - 1).map { $0..<$0 + size }
            .filter { window in window.dropFirst().allSatisfy(followsPrevious) }
            .min { bytes(of: $0) < bytes(of: $1) }
    }

    /// The bytes of the runs in `group`.
    private func bytes(of group: Range<Int>) -> Int64 {
        runs[group].reduce(0) { $0 + $1.bytes }
    }

    /// Writes every run of consecutive maps' segments in memory to disk: merged into one file, or
    /// a lone segment as it is.
    private func writeMemory() throws {
        var start = 0
        while start < runs.count {
            guard runs[start].isInMemory else {
                start += 1
                continue
            }
            var end = start + 1
            while end < runs.count, runs[end].isInMemory, followsPrevious(end) { end += 1 }
            if end - start == 1 {
                try writeAlone(start)
            } else {
                try merge(start..<end, level: 0)
            }
            memoryWrites += 1
            start += 1
        }
    }

    /// A new file's path in the merger's directory, named after the maps it holds.
    private func newPath(_ kind: String, maps: ClosedRange<Int>) -> String {
        files += 1
        return "\(directory)/\(kind)-\(maps.lowerBound)-\(maps.upperBound)-\(files).segment"
    }

    /// Writes the segment in memory at `index` to a file as it is.
    private func writeAlone(_ index: Int) throws {
        guard case .memory(let kept, let records) = runs[index].segment else { return }
        let path = newPath("memory", maps: runs[index].maps)
        let file = try BufferedFileWriter(path: path)
        try file.write(kept.contents)
        try file.close()
        replace(
            index..<index + 1,
            with: ReduceTaskRunner.Input(
                path: path,
                segment: MapOutputSegment(offset: 0, length: Int64(kept.filled), records: records)
            ),
            level: runs[index].level
        )
    }

    /// Merges the runs in `group` into one file of `level` that replaces them.
    private func merge(_ group: Range<Int>, level: Int) throws {
        let path = newPath("merged", maps: runs[group.lowerBound].maps.lowerBound...runs[group.last!].maps.upperBound)
        let merger = RecordMerger(try runs[group].compactMap { try $0.reader() })
        let output = try MapOutputFileWriter(path: path, partitionCount: 1)
        while try merger.advance() {
            try output.append(partition: 0, key: merger.key, value: try merger.value())
        }
        replace(group, with: ReduceTaskRunner.Input(path: path, segment: try output.finish()[0]), level: level)
    }

    /// Replaces the runs in `group` by one run of `input`, deleting the files the merger wrote for
    /// them and freeing their memory.
    private func replace(_ group: Range<Int>, with input: ReduceTaskRunner.Input, level: Int) {
        for member in runs[group] {
            if member.isInMemory { bytesInMemory -= member.bytes }
            if member.isOwned, let old = member.input { unlink(old.path) }
        }
        let maps = runs[group.lowerBound].maps.lowerBound...runs[group.last!].maps.upperBound
        runs.replaceSubrange(group, with: [Run(maps: maps, segment: .file(input), level: level, isOwned: true)])
    }
}
