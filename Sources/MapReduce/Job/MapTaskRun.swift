/// Runs one map task of a phase with concrete types: read the splits, map, buffer, spill.
@usableFromInline
struct MapTaskRun<Input: InputFormat, M: Mapper> where M.Input == Input.Record {
    @usableFromInline let input: Input
    @usableFromInline let partitioner: (any Partitioner)?
    @usableFromInline let combine: ((inout M.Value, M.Value) -> Void)?
    /// Whether `combine` is `+=` (``SumCombiner`` of `Int` or `Int64`).
    @usableFromInline let combineAdds: Bool

    @inlinable init(
        input: Input,
        partitioner: (any Partitioner)?,
        combine: ((inout M.Value, M.Value) -> Void)?,
        combineAdds: Bool
    ) {
        self.input = input
        self.partitioner = partitioner
        self.combine = combine
        self.combineAdds = combineAdds
    }

    /// How many records pass between progress reports.
    @usableFromInline static var progressInterval: Int64 { 1 << 14 }

    @inlinable func run(_ request: MapTaskRequest) throws -> Counters {
        var partitioner = self.partitioner
        try partitioner?.setup(PartitionerContext(info: request.info, reduceCount: request.reduceCount))
        let buffer = MapOutputBuffer<M.Value>(
            limit: request.bufferLimit,
            reduceCount: request.reduceCount,
            partitioner: partitioner,
            combine: combine,
            combineAdds: combineAdds,
            sink: request.sink
        )
        let context = MapContext<M.Key, M.Value>(info: request.info, buffer: buffer)
        let (records, bytes) = try map(request.splits, context: context, progress: request.progress)
        var counters = try buffer.finish()
        counters.add(context.counters)
        counters.increment(.mapInputRecords, by: records)
        counters.increment(.mapInputBytes, by: bytes)
        return counters
    }

    /// Runs a map-only task: the mapper's pairs go to `writer` in emit order, not to the shuffle.
    @inlinable func runMapOnly(
        _ request: MapOnlyTaskRequest,
        writer: any RecordWriter<M.Key, M.Value>
    ) throws
        -> Counters
    {
        let context = MapContext<M.Key, M.Value>(info: request.info, writer: writer)
        let (records, bytes) = try map(request.splits, context: context, progress: request.progress)
        try writer.close()
        var counters = context.counters
        counters.increment(.mapInputRecords, by: records)
        counters.increment(.mapInputBytes, by: bytes)
        counters.increment(.mapOutputRecords, by: context.writtenRecords)
        return counters
    }

    /// Maps the records of `splits` into `context`; returns the records and bytes read.
    @inlinable func map(
        _ splits: [InputSplit],
        context: MapContext<M.Key, M.Value>,
        progress: (Int64) -> Void
    ) throws -> (records: Int64, bytes: Int64) {
        var mapper = M()
        try mapper.setup(context)
        var records: Int64 = 0
        var bytes: Int64 = 0
        for split in splits {
            context.begin(split)
            bytes += try input.read(split) { record in
                records += 1
                if records % Self.progressInterval == 0 { progress(records) }
                try mapper.map(record, context: context)
            }
        }
        try mapper.cleanup(context)
        return (records, bytes)
    }
}
