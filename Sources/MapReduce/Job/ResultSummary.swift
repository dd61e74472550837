/// How `mrsubmit` summarises a finished job's text output.
public enum ResultSummary: Sendable, Equatable {
    /// Nothing beyond the counters.
    case none
    /// The `count` records with the largest integer values, labelled (e.g. "words"), with the sum
    /// of all values when `showsTotal`.
    case topValues(count: Int, label: String, showsTotal: Bool)
}
