/// A map-reduce job as its author defines it: a name, options, and the phases it runs.
///
/// Jobs are listed in the job catalog, which the CLI and the task runners share; the framework
/// creates the job from its parameters wherever a task of it runs.
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
    /// The name users type: `mrsubmit <name> …`.
    static var name: String { get }
    /// One line saying what the job computes.
    static var summary: String { get }
    /// Options of the job's own, shown in its `--help` and passed as job parameters.
    static var options: [JobOption] { get }
    /// How `mrsubmit` summarises a finished job's output.
    static var resultSummary: ResultSummary { get }
    /// Whether `mrsubmit jobs` leaves the job out unless asked (test and demo jobs).
    static var isHidden: Bool { get }

    /// Creates the job, checking its parameters.
    init(parameters: JobParameters) throws

    /// The phases, run in order; only the last writes the job's output.
    var phases: [Phase] { get }
}

extension Job {
    public static var options: [JobOption] { [] }
    public static var resultSummary: ResultSummary { .none }
    public static var isHidden: Bool { false }
}
