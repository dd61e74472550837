import Cluster

/// The trackers page: the trackers counted by state with the slots in use, then one page of the
/// trackers, each with its address, state (and why it takes no tasks), last heartbeat, free
/// space, slots, running attempts and failures, and links to the pages before and after.
struct TrackersPage {
    /// The page of trackers and the summary of them all.
    let page: TrackerPage
    /// The offset and limit the page was asked for.
    let query: PageQuery
    /// Now, seconds since 1970.
    let now: Double

    /// The page body.
    func render() -> String {
        guard page.total > 0 else {
            return HTML.live("<p class=\"muted\">No tracker has registered.</p>", active: true)
        }
        return HTML.live(
            """
            \(TrackerCards(summary: page.summary).byState())
            \(navigation())
            \(table())
            """,
            active: true
        )
    }

    /// Which trackers the page shows, of how many, with links to the previous and next pages.
    private func navigation() -> String {
        let shown =
            page.trackers.isEmpty
            ? "No trackers from position \(query.offset + 1); there are \(page.total)."
            : "Trackers \(page.offset + 1)–\(page.offset + page.trackers.count) of \(page.total)"
        var links: [String] = []
        if query.offset > 0 {
            let previous = max(0, min(query.offset, page.total) - query.limit)
            links.append("<a href=\"/trackers?\(query.query(offset: previous))\" rel=\"prev\">Previous</a>")
        }
        if page.offset + page.trackers.count < page.total {
            let next = page.offset + page.trackers.count
            links.append("<a href=\"/trackers?\(query.query(offset: next))\" rel=\"next\">Next</a>")
        }
        return "<p class=\"pages\">\(shown) \(links.joined(separator: " "))</p>"
    }

    private func table() -> String {
        guard !page.trackers.isEmpty else { return "" }
        let rows = page.trackers.map { tracker in
            let blacklisted =
                tracker.blacklistedBy.isEmpty
                ? ""
                : "<br><span class=\"muted\">blacklisted by \(HTML.escape(tracker.blacklistedBy.joined(separator: ", ")))</span>"
            return """
                <tr><td>\(HTML.escape(tracker.id))\(blacklisted)</td><td>\(HTML.escape(tracker.address))</td>\
                <td>\(HTML.badge(tracker.state.rawValue)) <span class="muted">\(HTML.escape(tracker.reason))</span></td>\
                <td class="num" data-value="\(now - tracker.lastHeartbeat)">\(HTML.duration(max(0, now - tracker.lastHeartbeat))) ago</td>\
                <td class="num" data-value="\(tracker.freeBytes ?? -1)">\(tracker.freeBytes.map(HTML.bytes) ?? "")</td>\
                <td class="num">\(tracker.slots)</td><td class="num">\(tracker.runningAttempts)</td><td class="num">\(tracker.failures)</td></tr>
                """
        }.joined()
        return """
            <div class="scroll"><table id="trackers"><thead><tr><th>Tracker</th><th>Shuffle address</th><th>State</th>\
            <th class="num">Last heartbeat</th><th class="num">Free space</th><th class="num">Slots</th>\
            <th class="num">Running</th><th class="num">Failures</th>\
            </tr></thead><tbody>\(rows)</tbody></table></div>
            """
    }
}
