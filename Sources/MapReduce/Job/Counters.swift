/// Named 64-bit counters that tasks increment and the framework adds up across the job.
///
/// Framework counters have the names in ``Counters/Framework``; a job's own counters are any
/// other names, by convention upper-case like Hadoop's (`MALFORMED_LINES`).
public struct Counters: Sendable, Equatable, Codable {
    /// The counters that the framework maintains for every job, in the order they are printed.
    public enum Framework: String, CaseIterable, Sendable {
        /// Records the maps read from their splits.
        case mapInputRecords = "MAP_INPUT_RECORDS"
        /// Input bytes the maps consumed, as their input formats count them.
        case mapInputBytes = "MAP_INPUT_BYTES"
        /// Pairs the mappers emitted, before any combining.
        case mapOutputRecords = "MAP_OUTPUT_RECORDS"
        /// Bytes of the encoded keys and values the mappers emitted.
        case mapOutputBytes = "MAP_OUTPUT_BYTES"
        /// Pairs the combiner received: every emitted pair, when the phase has a combiner.
        case combineInputRecords = "COMBINE_INPUT_RECORDS"
        /// Pairs left after combining, in the spills and in their merge.
        case combineOutputRecords = "COMBINE_OUTPUT_RECORDS"
        /// Records written to spill files.
        case spilledRecords = "SPILLED_RECORDS"
        /// Distinct keys the reducers were called with.
        case reduceInputGroups = "REDUCE_INPUT_GROUPS"
        /// Values the reducers' merges read.
        case reduceInputRecords = "REDUCE_INPUT_RECORDS"
        /// Records the reducers wrote to the output.
        case reduceOutputRecords = "REDUCE_OUTPUT_RECORDS"
        /// Input records that mappers counted as malformed (``MapContext/countMalformedRecord()``).
        case malformedRecords = "MALFORMED_RECORDS"
    }

    /// Every counter by name.
    public private(set) var values: [String: Int64]

    /// Creates counters, all zero.
    public init(_ values: [String: Int64] = [:]) {
        self.values = values
    }

    /// The value of a framework counter.
    public subscript(_ counter: Framework) -> Int64 {
        get { values[counter.rawValue, default: 0] }
        set { values[counter.rawValue] = newValue }
    }

    /// The value of a counter by name.
    public subscript(_ name: String) -> Int64 {
        get { values[name, default: 0] }
        set { values[name] = newValue }
    }

    /// Adds `amount` to a framework counter.
    public mutating func increment(_ counter: Framework, by amount: Int64 = 1) {
        values[counter.rawValue, default: 0] += amount
    }

    /// Adds `amount` to a counter by name.
    public mutating func increment(_ name: String, by amount: Int64 = 1) {
        values[name, default: 0] += amount
    }

    /// Adds every counter of `other` to this one.
    public mutating func add(_ other: Counters) {
        values.merge(other.values, uniquingKeysWith: +)
    }

    /// The job's own counters, sorted by name.
    public var jobCounters: [(name: String, value: Int64)] {
        let framework = Set(Framework.allCases.map(\.rawValue))
        return values.filter { !framework.contains($0.key) }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}
