import Cluster

/// The trackers page: each tracker's address, state (and why it takes no tasks), last heartbeat,
/// free space, slots, running attempts and failures.
struct TrackersPage {
    /// The trackers, registered and departed.
    let trackers: [TrackerStatus]
    /// Now, seconds since 1970.
    let now: Double

    /// The page body.
    func render() -> String {
        guard !trackers.isEmpty else {
            return HTML.live("<p class=\"muted\">No tracker has registered.</p>", active: true)
        }
        let rows = trackers.map { tracker in
            let state =
                tracker.reason.isEmpty ? tracker.state.rawValue : "\(tracker.state.rawValue) (\(tracker.reason))"
            let blacklisted =
                tracker.blacklistedBy.isEmpty
                ? ""
                : "<br><span class=\"muted\">blacklisted by \(HTML.escape(tracker.blacklistedBy.joined(separator: ", ")))</span>"
            return """
                <tr><td>\(HTML.escape(tracker.id))\(blacklisted)</td><td>\(HTML.escape(tracker.address))</td>\
                <td>\(HTML.badge(tracker.state.rawValue)) <span class="muted">\(HTML.escape(state == tracker.state.rawValue ? "" : tracker.reason))</span></td>\
                <td class="num" data-value="\(now - tracker.lastHeartbeat)">\(HTML.duration(max(0, now - tracker.lastHeartbeat))) ago</td>\
                <td class="num" data-value="\(tracker.freeBytes ?? -1)">\(tracker.freeBytes.map(HTML.bytes) ?? "")</td>\
                <td class="num">\(tracker.slots)</td><td class="num">\(tracker.runningAttempts)</td><td class="num">\(tracker.failures)</td></tr>
                """
        }.joined()
        return HTML.live(
            """
            <div class="scroll"><table id="trackers"><thead><tr><th>Tracker</th><th>Shuffle address</th><th>State</th>\
            <th class="num">Last heartbeat</th><th class="num">Free space</th><th class="num">Slots</th>\
            <th class="num">Running</th><th class="num">Failures</th>\
            </tr></thead><tbody>\(rows)</tbody></table></div>
            """,
            active: true
        )
    }
}
