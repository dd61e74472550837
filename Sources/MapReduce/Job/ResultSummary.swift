/// How a job tool (`mrsubmit` or your own) summarises a finished job's text output.
public enum ResultSummary: Sendable, Equatable {
    /// Nothing beyond the counters.
    case none
    /// The `count` records with the largest integer values, labelled (e.g. "words"), with the sum
    /// of all values when `showsTotal`.
    case topValues(count: Int, label: String, showsTotal: Bool)
    /// The text of the output files whose names start with `fileNamePrefix`, in name order: a
    /// report the job writes for people (e.g. statistics of each converted image).
    case report(fileNamePrefix: String)
    /// A check's report in the output files whose names start with `fileNamePrefix`: their first
    /// line is a one-line verdict, `valid…` when the check passed. The tool prints the verdict
    /// after the counters and exits with status 1 when it is anything but `valid…`.
    case verdict(fileNamePrefix: String)
}
