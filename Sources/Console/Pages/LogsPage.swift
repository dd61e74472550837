import Cluster

/// The logs page: the cluster's recent daemon and task log lines, filtered by job, tracker and level.
struct LogsPage {
    /// The lines that pass the filter, oldest first.
    let lines: [LogRecord]
    /// The filter as given.
    let filter: LogFilter
    /// Sources seen in the ring, for the tracker menu.
    let sources: [String]

    /// The page body.
    func render() -> String {
        let levels = ["", "debug", "info", "notice", "warning", "error"].map { level in
            "<option value=\"\(level)\"\(level == filter.level ? " selected" : "")>\(level.isEmpty ? "any" : "\(level) and above")</option>"
        }.joined()
        let sourceOptions = ([""] + sources).map { source in
            "<option value=\"\(HTML.escape(source))\"\(source == filter.source ? " selected" : "")>\(source.isEmpty ? "any" : HTML.escape(source))</option>"
        }.joined()
        let form = """
            <form method="get" action="/logs" id="log-filter">
            <label>Job <input name="job" value="\(HTML.escape(filter.job))" placeholder="job_…"></label>
            <label>Tracker or source <select name="source">\(sourceOptions)</select></label>
            <label>Level <select name="level">\(levels)</select></label>
            <button type="submit">Filter</button></form>
            """
        let rows = lines.reversed().map { line in
            """
            <tr><td>\(HTML.clock(line.time))</td><td>\(HTML.badge(line.level))</td><td>\(HTML.escape(line.source))</td>\
            <td>\(line.job.isEmpty ? "" : "<a href=\"/jobs/\(HTML.escape(line.job))\">\(HTML.escape(line.job))</a>")</td>\
            <td>\(HTML.escape(line.message))</td></tr>
            """
        }.joined()
        let table =
            lines.isEmpty
            ? "<p class=\"muted\">No log lines match.</p>"
            : "<div class=\"scroll\"><table class=\"log\" id=\"logs\"><thead><tr><th>Time (UTC)</th><th>Level</th><th>Source</th><th>Job</th><th>Message</th></tr></thead><tbody>\(rows)</tbody></table></div>"
        return form + HTML.live("<p class=\"muted\">\(lines.count) lines, newest first.</p>" + table, active: true)
    }
}
