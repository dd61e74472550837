/// Runs one map task of a phase with concrete types: read the splits, map, buffer, spill.
@usableFromInline
struct MapTaskRun<Input: InputFormat, M: Mapper> where M.Input == Input.Record {
    @usableFromInline let input: Input
    @usableFromInline let partitioner: (any Partitioner)?
    @usableFromInline let combine: ((inout M.Value, M.Value) -> Void)?

    @inlinable init(input: Input, partitioner: (any Partitioner)?, combine: ((inout M.Value, M.Value) -> Void)?) {
        self.input = input
        self.partitioner = partitioner
        self.combine = combine
    }

    /// How many records pass between progress reports.
    @usableFromInline static var progressInterval: Int64 { 1 << 14 }

    @inlinable func run(_ request: MapTaskRequest) throws -> Counters {
        var mapper = M()
        let buffer = MapOutputBuffer<M.Value>(
            limit: request.bufferLimit,
            reduceCount: request.reduceCount,
            partitioner: partitioner,
            combine: combine,
            sink: request.sink
        )
        let context = MapContext<M.Key, M.Value>(info: request.info, buffer: buffer)
        try mapper.setup(context)
        var records: Int64 = 0
        var bytes: Int64 = 0
        for split in request.splits {
            context.begin(split)
            bytes += try input.read(split) { record in
                records += 1
                if records % Self.progressInterval == 0 { request.progress(records) }
                try mapper.map(record, context: context)
            }
        }
        try mapper.cleanup(context)
        var counters = try buffer.finish()
        counters.add(context.counters)
        counters.increment(.mapInputRecords, by: records)
        counters.increment(.mapInputBytes, by: bytes)
        return counters
    }
}
