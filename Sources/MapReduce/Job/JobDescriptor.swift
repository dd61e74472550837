/// What a job says about itself without running: its name, summary and options.
///
/// A job binary hands these to whoever asks (a tracker checking it, a JobTracker listing the jobs
/// its trackers have installed, the web console building a job's form), so that no daemon needs
/// the job's code to name or describe it.
public struct JobDescriptor: Sendable, Equatable, Codable {
    /// The name users type, e.g. `wordcount`.
    public var name: String
    /// One line saying what the job computes.
    public var summary: String
    /// The job's own command-line options.
    public var options: [JobOption]
    /// Whether job lists leave it out unless asked (test and demo jobs).
    public var isHidden: Bool
    /// Whether the job writes one output file per input instead of part files (``FilePerInputJob``).
    public var writesFilePerInput: Bool

    /// Creates a descriptor from its parts.
    public init(name: String, summary: String, options: [JobOption], isHidden: Bool, writesFilePerInput: Bool) {
        self.name = name
        self.summary = summary
        self.options = options
        self.isHidden = isHidden
        self.writesFilePerInput = writesFilePerInput
    }

    /// The descriptor of a job type.
    public init(_ job: any Job.Type) {
        self.init(
            name: job.name,
            summary: job.summary,
            options: job.options,
            isHidden: job.isHidden,
            writesFilePerInput: job is any FilePerInputJob.Type
        )
    }
}
