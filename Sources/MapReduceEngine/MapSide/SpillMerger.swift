import Glibc
import MapReduce

/// Merges a map task's spill files into its one output file, applying the combiner to keys that
/// occur in several spills.
enum SpillMerger {
    /// Merges `spills` into a new map output file at `path` and returns its index and the number
    /// of records the combiner folded away.
    static func merge(
        _ spills: [SpillCollector.Spill],
        into path: String,
        partitionCount: Int,
        combine: (@Sendable ([UnsafeRawBufferPointer], inout ByteWriter) throws -> Void)?
    ) throws -> (segments: [MapOutputSegment], combined: Int64) {
        let files = try spills.map { try FileReadHandle(path: $0.path) }
        let output = try MapOutputFileWriter(path: path, partitionCount: partitionCount)
        var combined: Int64 = 0
        var values = ValueList()
        var encoded = ByteWriter()
        for partition in 0..<partitionCount {
            let readers = zip(files, spills).map { SegmentReader(file: $0, segment: $1.segments[partition]) }
            let merger = RecordMerger(readers)
            var more = try merger.advance()
            while more {
                guard let combine else {
                    try output.append(partition: partition, key: merger.key, value: try merger.value())
                    more = try merger.advance()
                    continue
                }
                let key = Array(merger.key)
                values.removeAll()
                repeat {
                    values.append(try merger.value())
                    more = try merger.advance()
                } while more && key.withUnsafeBytes { KeyBytes.compare(merger.key, $0) == 0 }
                combined += Int64(values.count - 1)
                encoded.removeAll()
                try values.withBuffers { try combine($0, &encoded) }
                try key.withUnsafeBytes { key in
                    try encoded.bytes.withUnsafeBytes { try output.append(partition: partition, key: key, value: $0) }
                }
            }
        }
        return (try output.finish(), combined)
    }
}

/// Copies of encoded values kept in one arena, for folding a key's values from several spills.
struct ValueList {
    private var arena: [UInt8] = []
    private var ranges: [Range<Int>] = []

    var count: Int { ranges.count }

    mutating func removeAll() {
        arena.removeAll(keepingCapacity: true)
        ranges.removeAll(keepingCapacity: true)
    }

    mutating func append(_ value: UnsafeRawBufferPointer) {
        ranges.append(arena.count..<arena.count + value.count)
        arena.append(contentsOf: value)
    }

    /// Calls `body` with borrowed views of every value.
    func withBuffers<R>(_ body: ([UnsafeRawBufferPointer]) throws -> R) rethrows -> R {
        try arena.withUnsafeBytes { raw in try body(ranges.map { UnsafeRawBufferPointer(rebasing: raw[$0]) }) }
    }
}
