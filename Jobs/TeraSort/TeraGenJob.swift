import MapReduce

/// Generates TeraSort's input, as Hadoop's TeraGen: `--rows` 100-byte records (``TeraRecord``)
/// in `part-m-NNNNN` files, written by `--maps` map tasks with no input files and no reduces.
///
/// Map `i` writes a consecutive range of rows (``GeneratedInputFormat``), and each record depends
/// only on `--seed` and its row number, so the output's records are the same whatever the
/// number of maps. The job counts the records' ``RecordChecksum`` in its `RECORD_CHECKSUM`
/// counter (exact up to 2³¹ records), which `teravalidate --expect-checksum` compares with the
/// sorted output's.
public struct TeraGenJob: Job {
    public static let name = "teragen"
    public static let summary = "Generates TeraSort input: 100-byte records with random 10-byte keys"
    public static let options = [
        JobOption(name: "rows", parameter: rowsParameter, valueName: "count", help: "How many records to generate"),
        JobOption(
            name: "maps",
            parameter: mapsParameter,
            valueName: "count",
            help: "How many map tasks (and part files) write them (default 2)"
        ),
        JobOption(
            name: "seed",
            parameter: seedParameter,
            valueName: "number",
            help: "The seed of the keys' random numbers (default 0)"
        ),
    ]

    /// The job parameter that `--rows` sets.
    public static let rowsParameter = "teragen.rows"
    /// The job parameter that `--maps` sets.
    public static let mapsParameter = "teragen.maps"
    /// The job parameter that `--seed` sets.
    public static let seedParameter = "teragen.seed"
    /// The counter that holds the sum of the records' CRC-32s.
    public static let checksumCounter = "RECORD_CHECKSUM"

    /// How many records the job generates.
    public let rows: Int64
    /// How many map tasks generate them.
    public let maps: Int

    public init(parameters: JobParameters) throws {
        guard let text = parameters[Self.rowsParameter] else {
            throw JobParameterError(message: "--rows is required: how many records to generate")
        }
        guard let rows = Int64(text), rows >= 0 else {
            throw JobParameterError(message: "--rows \(text): expected a count of records, 0 or more")
        }
        let maps = try parameters.int(Self.mapsParameter, default: 2)
        guard maps >= 1, maps <= 100_000 else {
            throw JobParameterError(message: "--maps \(maps): expected from 1 to 100000 map tasks")
        }
        _ = try Self.seed(parameters)
        self.rows = rows
        self.maps = maps
    }

    /// The seed parameter, 0 when absent.
    static func seed(_ parameters: JobParameters) throws -> UInt64 {
        guard let text = parameters[seedParameter] else { return 0 }
        guard let seed = UInt64(text) else {
            throw JobParameterError(message: "--seed \(text): expected a number from 0 to \(UInt64.max)")
        }
        return seed
    }

    public var phases: [Phase] {
        [
            Phase(
                "generate",
                input: GeneratedInputFormat(rows: rows, splits: maps),
                mapper: TeraGenMapper.self,
                reducer: TeraRecordReducer.self,
                reduceTasks: .exactly(0),
                output: RawOutputFormat<ByteSlice, ByteSlice>()
            )
        ]
    }
}
