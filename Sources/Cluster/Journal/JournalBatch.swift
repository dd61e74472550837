/// One write of the journal: framed records appended to the tail, the tail rolled over to a new
/// generation while its snapshot is written in the background, or the whole state folded into the
/// snapshot of a new generation with an empty tail.
enum JournalBatch: Sendable {
    /// Records to append to the tail, framed.
    case append([UInt8])
    /// Framed records to append to the tail, after which later records go to a new tail of
    /// generation `generation` (`journal.next`) while `state`, which includes those records, is
    /// written as that generation's snapshot in the background; the new tail then takes the name
    /// `journal.log`.
    case rollOver([UInt8], state: JournalState, generation: UInt64)
    /// A state to write as generation `generation`'s snapshot, replacing the tail with an empty one.
    case compact(JournalState, generation: UInt64)
}
