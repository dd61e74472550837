/// One map's segment of a reduce's partition as the shuffle hands it to a ``ShuffleMerger``.
public enum ShuffleSegment: Sendable {
    /// A segment of a file: fetched to disk, or a map output read where it lies.
    case file(ReduceTaskRunner.Input)
    /// A segment fetched into memory, and how many records it holds.
    case memory(MemorySegment, records: Int64)
}
