/// A map-reduce job as its author defines it: a name, options, and the phases it runs.
///
/// A job tool lists its jobs (`JobTool.jobs` in `MapReduceTool`), and the same executable runs
/// their tasks on the trackers; the framework creates the job from its parameters wherever its
/// code runs: in the client that plans it, in a setup task, and in every map and reduce attempt.
///
/// ```swift
/// struct LineLengths: Job {
///     static let name = "linelengths"
///     static let summary = "Counts lines by length"
///     init(parameters: JobParameters) {}
///     var phases: [Phase] {
///         [Phase("count", input: TextInputFormat(), mapper: LengthMapper.self,
///                combiner: SumCombiner<Int>.self, reducer: SumReducer.self,
///                output: TextOutputFormat<Int, Int>())]
///     }
/// }
/// ```
public protocol Job: Sendable {
    /// The name users type after the tool's: `mrsubmit <name> …`, `indexer <name> …`.
    static var name: String { get }
    /// One line saying what the job computes.
    static var summary: String { get }
    /// Options of the job's own, shown in its `--help` and passed as job parameters.
    static var options: [JobOption] { get }
    /// How the tool summarises a finished job's output.
    static var resultSummary: ResultSummary { get }
    /// Whether the tool's `jobs` command leaves the job out unless asked with `--all` (test and demo jobs).
    static var isHidden: Bool { get }

    /// Creates the job, checking its parameters.
    init(parameters: JobParameters) throws

    /// The phases, run in order; only the last writes the job's output.
    var phases: [Phase] { get }
}

extension Job {
    /// No options of the job's own.
    public static var options: [JobOption] { [] }
    /// No summary beyond the counters and the output path.
    public static var resultSummary: ResultSummary { .none }
    /// Listed by `jobs`.
    public static var isHidden: Bool { false }

    /// Whether any phase reads the job's input files; a job whose phases all generate their
    /// input (``GeneratedInputFormat``) runs with no input paths.
    public var readsInputFiles: Bool { phases.contains { $0.readsInputFiles } }
}
