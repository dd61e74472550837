/// One page of the trackers, registered ones first and then departed ones, each by id, with
/// the summary of them all.
public struct TrackerPage: Sendable, Codable, Equatable {
    /// The position of the page's first tracker among all of them, from 0.
    public var offset: Int
    /// How many trackers there are in all.
    public var total: Int
    /// The trackers of the page.
    public var trackers: [TrackerStatus]
    /// Every tracker counted by state, with the slots.
    public var summary: TrackerSummary

    /// Creates the value.
    public init(offset: Int, total: Int, trackers: [TrackerStatus], summary: TrackerSummary) {
        self.offset = offset
        self.total = total
        self.trackers = trackers
        self.summary = summary
    }
}
