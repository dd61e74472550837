/// One map-reduce pass of a job: an input format, a mapper, an optional combiner, a partitioner,
/// a reducer and an output format, bound to concrete types and erased so the engine can run it.
///
/// Every phase reads the job's input files, unless its input format generates its records
/// (``GeneratedInputFormat``). A phase other than the last writes with a
/// ``BroadcastOutputFormat``, and the framework ships its output to every task of the next phase
/// as ``TaskInfo/broadcast``.
public struct Phase: Sendable {
    /// How many reduce tasks a phase runs.
    public enum ReduceTaskCount: Sendable, Equatable {
        /// As many as the job asks for (`--reducers`).
        case configurable
        /// Exactly this many, whatever the job asks for (a phase whose output must be one file).
        case exactly(Int)
    }

    /// The phase's name, for progress and logs.
    public let name: String
    /// How many reduce tasks the phase runs.
    public let reduceTasks: ReduceTaskCount
    /// Whether the phase's output is a broadcast for the next phase.
    public let writesBroadcast: Bool
    /// Whether small splits may share a map task (``InputFormat/combinesSmallSplits``).
    public let combinesSmallSplits: Bool
    /// Whether the phase reads the job's input files (``InputFormat/readsFiles``).
    public let readsInputFiles: Bool
    /// Cuts the input files into splits of about a given size.
    public let splits: @Sendable ([InputFile], Int64) throws -> [InputSplit]
    /// Runs one map task.
    public private(set) var runMap: @Sendable (MapTaskRequest) throws -> Counters
    /// Folds encoded values of one key into one, or nil when the phase has no combiner.
    public let combineEncoded: (@Sendable ([UnsafeRawBufferPointer], inout ByteWriter) throws -> Void)?
    /// Runs one reduce task.
    public let runReduce: @Sendable (ReduceTaskRequest) throws -> Counters
    /// Runs one map task of a map-only job, or nil when the phase has no output format for its
    /// map output's key and value types and so cannot run map-only.
    public let runMapOnly: (@Sendable (MapOnlyTaskRequest) throws -> Counters)?

    /// Whether the phase can run map-only, its maps writing the job's output (`--reducers 0`).
    public var supportsMapOnly: Bool { runMapOnly != nil && !writesBroadcast }

    /// The number of reduce tasks when the job asks for `requested`.
    public func reduceTaskCount(requested: Int) -> Int {
        switch reduceTasks {
        case .configurable: requested
        case .exactly(let count): count
        }
    }

    /// Creates a phase with a combiner.
    ///
    /// In a map-only job (`--reducers 0`) the map tasks write their pairs with `mapOnlyOutput`,
    /// or with `output` when that takes the mapper's key and value types; a phase with neither
    /// cannot run map-only.
    public init<Input: InputFormat, M: Mapper, C: Combiner, R: Reducer, Output: OutputFormat>(
        _ name: String,
        input: Input,
        mapper: M.Type,
        combiner: C.Type?,
        partitioner: (any Partitioner)? = nil,
        reducer: R.Type,
        reduceTasks: ReduceTaskCount = .configurable,
        output: Output,
        mapOnlyOutput: (any OutputFormat<M.Key, M.Value>)? = nil
    )
    where
        M.Input == Input.Record,
        C.Value == M.Value,
        R.Key == M.Key,
        R.Value == M.Value,
        R.OutputKey == Output.Key,
        R.OutputValue == Output.Value
    {
        self.name = name
        self.reduceTasks = reduceTasks
        self.writesBroadcast = output is any BroadcastProducing
        combinesSmallSplits = input.combinesSmallSplits
        readsInputFiles = input.readsFiles
        splits = { files, size in try input.splits(of: files, splitSize: size) }
        let combine: (@Sendable (inout M.Value, M.Value) -> Void)?
        if combiner != nil {
            precondition(
                M.Value.self != ByteSlice.self,
                "a combiner cannot fold borrowed ByteSlice values; use ByteString"
            )
            combine = { (accumulated: inout M.Value, next: M.Value) in C.combine(&accumulated, with: next) }
            combineEncoded = { (encoded: [UnsafeRawBufferPointer], output: inout ByteWriter) throws in
                var accumulated: M.Value?
                for bytes in encoded {
                    var reader = ByteReader(bytes)
                    let value = try M.Value(decoding: &reader)
                    if accumulated == nil { accumulated = value } else { C.combine(&accumulated!, with: value) }
                }
                accumulated?.encode(into: &output)
            }
        } else {
            combine = nil
            combineEncoded = nil
        }
        // A metatype comparison, not a cast to a protocol: that would search every conformance
        // record of the binary in each task process.
        let combineAdds = combiner != nil && (C.self == SumCombiner<Int>.self || C.self == SumCombiner<Int64>.self)
        runMap = { (request: MapTaskRequest) throws -> Counters in
            try MapTaskRun<Input, M>(
                input: input,
                partitioner: partitioner,
                combine: combine,
                combineAdds: combineAdds
            ).run(request)
        }
        runReduce = { request in try ReduceTaskRun<R, Output>(output: output).run(request) }
        if let mapOutput = mapOnlyOutput ?? (output as? any OutputFormat<M.Key, M.Value>) {
            runMapOnly = { request in
                let writer = try mapOutput.makeWriter(for: request.info.task, in: request.directory)
                return try MapTaskRun<Input, M>(input: input, partitioner: nil, combine: nil, combineAdds: false)
                    .runMapOnly(request, writer: writer)
            }
        } else {
            runMapOnly = nil
        }
    }

    /// Creates a phase without a combiner, or with a ``SpillCombiner`` that rewrites each spill.
    ///
    /// `mapOnlyOutput` is as in the initializer with a combiner.
    public init<Input: InputFormat, M: Mapper, R: Reducer, Output: OutputFormat>(
        _ name: String,
        input: Input,
        mapper: M.Type,
        spillCombiner: (any SpillCombiner.Type)? = nil,
        partitioner: (any Partitioner)? = nil,
        reducer: R.Type,
        reduceTasks: ReduceTaskCount = .configurable,
        output: Output,
        mapOnlyOutput: (any OutputFormat<M.Key, M.Value>)? = nil
    )
    where
        M.Input == Input.Record,
        R.Key == M.Key,
        R.Value == M.Value,
        R.OutputKey == Output.Key,
        R.OutputValue == Output.Value
    {
        self.init(
            name,
            input: input,
            mapper: mapper,
            combiner: Optional<NoCombiner<M.Value>.Type>.none,
            partitioner: partitioner,
            reducer: reducer,
            reduceTasks: reduceTasks,
            output: output,
            mapOnlyOutput: mapOnlyOutput
        )
        guard let spillCombiner else { return }
        let runMap = runMap
        self.runMap = { request in
            let combiner = try spillCombiner.init(info: request.info, sink: request.sink)
            var counters = try runMap(
                MapTaskRequest(
                    info: request.info,
                    splits: request.splits,
                    reduceCount: request.reduceCount,
                    bufferLimit: request.bufferLimit,
                    sink: combiner,
                    progress: request.progress
                )
            )
            counters.add(combiner.counters)
            return counters
        }
    }
}

/// The combiner type of a phase that has none.
public enum NoCombiner<Value: ShuffleValue>: Combiner {
    /// Never called: a phase without a combiner does not combine.
    public static func combine(_ accumulated: inout Value, with next: Value) {}
}

/// Marks output formats whose records become the next phase's ``Broadcast``.
public protocol BroadcastProducing {}

extension BroadcastOutputFormat: BroadcastProducing {}
