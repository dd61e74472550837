import MapReduce

/// Sorts TeraGen's 100-byte records by their 10-byte keys into globally ordered part files, as
/// Hadoop's TeraSort: `part-r-00000`, `part-r-00001`, … concatenated are every input record in
/// key order.
///
/// The job is a total-order pass (``Phase/totalOrder(_:input:mapper:reducer:reduceTasks:output:sampler:)``):
/// a sampling phase reads the first records of up to `--sample-splits` splits, up to
/// `--sample-records` in all, and the sort phase's ``TotalOrderPartitioner`` cuts the sorted
/// sample into key ranges of about equal size, one per reduce task. Input is read with
/// ``FixedLengthInputFormat`` (keys are binary and may hold any byte) and written with
/// ``RawOutputFormat``, so the output files are the records themselves. Records with equal keys
/// keep no particular order.
public struct TeraSortJob: Job {
    public static let name = "terasort"
    public static let summary = "Sorts 100-byte TeraGen records by key into globally ordered part files"
    public static let options = [
        JobOption(
            name: "sample-records",
            parameter: sampleRecordsParameter,
            valueName: "count",
            help: "How many records to sample for the key ranges (default 100000)"
        ),
        JobOption(
            name: "sample-splits",
            parameter: sampleSplitsParameter,
            valueName: "count",
            help: "How many input splits to sample them from (default 10)"
        ),
    ]

    /// The job parameter that `--sample-records` sets.
    public static let sampleRecordsParameter = "terasort.sample.records"
    /// The job parameter that `--sample-splits` sets.
    public static let sampleSplitsParameter = "terasort.sample.splits"

    /// How the job samples the keys.
    public let sampler: KeySampler

    public init(parameters: JobParameters) throws {
        let records = try parameters.int(Self.sampleRecordsParameter, default: 100_000)
        let splits = try parameters.int(Self.sampleSplitsParameter, default: 10)
        guard records >= 1, records <= 10_000_000 else {
            throw JobParameterError(message: "--sample-records \(records): expected from 1 to 10000000")
        }
        guard splits >= 1, splits <= 100_000 else {
            throw JobParameterError(message: "--sample-splits \(splits): expected from 1 to 100000")
        }
        sampler = KeySampler(records: records, splits: splits)
    }

    public var phases: [Phase] {
        Phase.totalOrder(
            "sort",
            input: FixedLengthInputFormat(recordLength: TeraRecord.length),
            mapper: TeraSortMapper.self,
            reducer: TeraRecordReducer.self,
            output: RawOutputFormat<ByteSlice, ByteSlice>(),
            sampler: sampler
        )
    }
}
