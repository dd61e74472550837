import Foundation

/// A tracker that was lost or deregistered, remembered for the console until it registers again.
struct DepartedTracker: Sendable {
    /// Its record when it left.
    let record: TrackerRecord
    /// `lost`, `deregistered` or `re-registered`.
    let reason: String
    /// When it left.
    let leftAt: Date
}
