/// A combiner that rewrites each sorted run of a map task's output before it is spilled, as
/// Hadoop's reducer-shaped combiners do: it sees a run's records in (partition, key) order and
/// passes on what it keeps, in the same order, to the sink that writes the spill.
///
/// This is the second map-side path beside ``Combiner``, whose merge function folds values in the
/// map output buffer's hash table as pairs are emitted and again when spills are merged. A phase
/// has at most one of the two. A spill combiner runs once per spill, not when spills are merged,
/// and it may drop or rewrite records, so it suits combining code that is not a fold of two values,
/// such as a streaming job's `--combiner` command.
public protocol SpillCombiner: MapOutputSink, SendableMetatype {
    /// Creates the combiner of one map task, which writes what it keeps into `sink`.
    init(info: TaskInfo, sink: any MapOutputSink) throws

    /// Counters of the combining, added to the task's when it ends.
    var counters: Counters { get }
}
