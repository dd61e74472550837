import Cluster

/// The trackers counted by state and the slots in use, as cards: how the dashboard and the
/// trackers page show a cluster of any size.
struct TrackerCards {
    /// The counts.
    let summary: TrackerSummary

    /// The dashboard's cards: trackers heartbeating, lost and blacklisted.
    func overview() -> [String] {
        [
            Self.card("Trackers live", summary.heartbeating),
            Self.card("Trackers lost", summary.lost),
            Self.card("Blacklisted", summary.blacklisted),
        ]
    }

    /// A card for every state, and the slots.
    func byState() -> String {
        let states = TrackerStatus.State.allCases.map { state in
            Self.card(state.rawValue.prefix(1).uppercased() + state.rawValue.dropFirst(), summary.count(in: state))
        }
        return "<div class=\"cards\">\(states.joined())\(slots())</div>"
    }

    /// The card of the slots in use, with its bar.
    func slots() -> String {
        "<div class=\"card\"><b>\(summary.slotsUsed)/\(summary.slots)</b>Slots used "
            + HTML.progress(summary.slots == 0 ? 0 : Double(summary.slotsUsed) / Double(summary.slots), label: "")
            + "</div>"
    }

    /// One card: a count over its label.
    static func card(_ label: String, _ count: Int) -> String {
        "<div class=\"card\"><b>\(count)</b>\(HTML.escape(label))</div>"
    }
}
