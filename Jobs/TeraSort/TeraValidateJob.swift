import MapReduce

/// Checks a TeraSort output, as Hadoop's TeraValidate: that the records of its part files, read
/// in name order, are in key order, and how many there are and their ``RecordChecksum``.
///
/// Each map summarises its splits (first and last key, checksum, first record out of order) and
/// one reduce checks the boundaries between consecutive splits and files. The report
/// (`part-r-00000`) starts with a one-line verdict, `valid: …` or `invalid: …` naming the first
/// record out of order by part file and record index, followed by the `records`, `checksum` and
/// `parts` (the files that hold records) lines; `mrsubmit` prints the verdict last and exits
/// with status 1 when it is invalid. With `--expect-checksum` (TeraGen's `RECORD_CHECKSUM`
/// counter, or the checksum this job reports for the input with `--unordered`) and
/// `--expect-records` the output must also hold the same records as the input. With
/// `--unordered` the order is not checked.
public struct TeraValidateJob: Job {
    public static let name = "teravalidate"
    public static let summary = "Checks that TeraSort output is in key order and holds the input's records"
    public static let options = [
        JobOption(
            name: "expect-checksum",
            parameter: checksumParameter,
            valueName: "sum",
            help: "The checksum the records must have (teragen's RECORD_CHECKSUM counter)"
        ),
        JobOption(
            name: "expect-records",
            parameter: recordsParameter,
            valueName: "count",
            help: "How many records there must be"
        ),
        JobOption(
            name: "unordered",
            parameter: unorderedParameter,
            help: "Only count the records and their checksum, without checking their order"
        ),
    ]
    public static let resultSummary = ResultSummary.verdict(fileNamePrefix: "part-")

    /// The job parameter that `--expect-checksum` sets.
    public static let checksumParameter = "teravalidate.expect.checksum"
    /// The job parameter that `--expect-records` sets.
    public static let recordsParameter = "teravalidate.expect.records"
    /// The job parameter that `--unordered` sets.
    public static let unorderedParameter = "teravalidate.unordered"

    /// What the records must add up to, from the job's parameters.
    struct Expectation {
        let checksum: UInt64?
        let records: Int64?
        let unordered: Bool

        init(_ parameters: JobParameters) throws {
            checksum = try parameters[TeraValidateJob.checksumParameter].map { text in
                guard let value = UInt64(text) else {
                    throw JobParameterError(message: "--expect-checksum \(text): expected a decimal checksum")
                }
                return value
            }
            records = try parameters[TeraValidateJob.recordsParameter].map { text in
                guard let value = Int64(text), value >= 0 else {
                    throw JobParameterError(message: "--expect-records \(text): expected a count of records")
                }
                return value
            }
            unordered = try parameters.bool(TeraValidateJob.unorderedParameter)
        }
    }

    public init(parameters: JobParameters) throws {
        _ = try Expectation(parameters)
    }

    public var phases: [Phase] {
        [
            Phase(
                "validate",
                input: FixedLengthInputFormat(recordLength: TeraRecord.length),
                mapper: TeraValidateMapper.self,
                reducer: TeraValidateReducer.self,
                reduceTasks: .exactly(1),
                output: KeyOnlyTextOutputFormat<ByteString, ByteString>()
            )
        ]
    }
}
