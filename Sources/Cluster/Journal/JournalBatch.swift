/// One write of the journal: framed records appended to the tail, or the whole state folded into
/// the snapshot of a new generation with an empty tail.
enum JournalBatch: Sendable {
    /// Records to append to the tail, framed.
    case append([UInt8])
    /// A state to write as generation `generation`'s snapshot, replacing the tail with an empty one.
    case compact(JournalState, generation: UInt64)
}
