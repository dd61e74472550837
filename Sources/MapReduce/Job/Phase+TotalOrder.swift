extension Phase {
    /// The phases of a total-order pass: a sampling phase, then a phase whose reduce outputs
    /// in `part-r-00000`, `part-r-00001`, … order hold the mapper's keys in sort order, as
    /// Hadoop's `InputSampler` with its `TotalOrderPartitioner` does.
    ///
    /// The first phase, named `<name>-sample`, samples the mapper's keys as `sampler` says
    /// (see ``KeySampler``) and broadcasts them, sorted and weighted, from one reduce task. The
    /// second, named `name`, is the phase the arguments describe with a ``TotalOrderPartitioner``,
    /// which cuts that sample into as many key ranges as the phase has reduce tasks. Put the two
    /// phases at the start of a job's `phases`: the sort phase's tasks see the sample as their
    /// broadcast, not the output of an earlier phase. The sampling phase's counters add to the
    /// job's (its records count in `MAP_INPUT_RECORDS`).
    public static func totalOrder<Input: InputFormat, M: Mapper, R: Reducer, Output: OutputFormat>(
        _ name: String,
        input: Input,
        mapper: M.Type,
        reducer: R.Type,
        reduceTasks: ReduceTaskCount = .configurable,
        output: Output,
        sampler: KeySampler = KeySampler()
    ) -> [Phase]
    where
        M.Input == Input.Record,
        R.Key == M.Key,
        R.Value == M.Value,
        R.OutputKey == Output.Key,
        R.OutputValue == Output.Value
    {
        [
            Phase(
                "\(name)-sample",
                input: SampledInputFormat(base: input, sampler: sampler),
                mapper: mapper,
                reducer: SampleReducer<M.Key, M.Value>.self,
                reduceTasks: .exactly(1),
                output: BroadcastOutputFormat<M.Key, Int64>()
            ),
            Phase(
                name,
                input: input,
                mapper: mapper,
                partitioner: TotalOrderPartitioner(),
                reducer: reducer,
                reduceTasks: reduceTasks,
                output: output
            ),
        ]
    }
}
