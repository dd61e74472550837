import MapReduce

/// A task of a running phase whose output was committed before the JobTracker stopped.
struct JournalCommit: Sendable {
    /// The attempt that committed.
    let attempt: AttemptID
    let counters: Counters
    /// Where a map's output lies; nil for a reduce or a map-only map.
    let location: MapOutputLocation?
    /// Bytes of output files a reduce (or map-only map) committed.
    let outputBytes: Int64
}
