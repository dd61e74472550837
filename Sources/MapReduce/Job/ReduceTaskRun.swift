/// Runs one reduce task of a phase with concrete types: group, decode, reduce, write.
@usableFromInline
struct ReduceTaskRun<R: Reducer, Output: OutputFormat> where R.OutputKey == Output.Key, R.OutputValue == Output.Value {
    @usableFromInline let output: Output

    @inlinable init(output: Output) {
        self.output = output
    }

    @inlinable func run(_ request: ReduceTaskRequest) throws -> Counters {
        var reducer = R()
        let writer = try output.makeWriter(for: request.info.task, in: request.directory)
        let context = ReduceContext<R.OutputKey, R.OutputValue>(info: request.info, writer: writer)
        try reducer.setup(context)
        let failure = FailureBox()
        var groups: Int64 = 0
        while let keyBytes = try request.source.nextKey() {
            groups += 1
            let key = try R.Key(sortableBytes: keyBytes)
            try reducer.reduce(key, values: ReduceValues(source: request.source, failure: failure), context: context)
            if let error = failure.error { throw error }
        }
        try reducer.cleanup(context)
        try writer.close()
        var counters = context.counters
        counters.increment(.reduceOutputRecords, by: context.outputRecords)
        counters.increment(.reduceInputGroups, by: groups)
        return counters
    }
}
