import Cluster

/// A table of jobs with their binary, state, phase, map and reduce progress and, while they run,
/// their running attempts against their fair share of the slots, linked to their pages.
struct JobTable {
    /// The jobs, in display order.
    let jobs: [JobReport]

    /// The `<table>`, or a note when there are no jobs.
    func render() -> String {
        guard !jobs.isEmpty else { return "<p class=\"muted\">No jobs yet.</p>" }
        let rows = jobs.map { job in
            let maps = job.mapsTotal == 0 ? 1 : Double(job.mapsDone) / Double(job.mapsTotal)
            let reduces = job.reducesTotal == 0 ? 1 : Double(job.reducesDone) / Double(job.reducesTotal)
            let done = job.state == .succeeded
            let slots = job.state == .running ? "\(job.runningAttempts) / \(HTML.share(job.fairShare))" : ""
            return """
                <tr><td><a href="/jobs/\(HTML.escape("\(job.job)"))">\(HTML.escape("\(job.job)"))</a></td>\
                <td>\(HTML.escape(job.name))</td><td><code>\(HTML.escape(job.binary))</code></td><td>\(HTML.badge(job.state.rawValue))</td>\
                <td>\(job.phase + 1)/\(job.phaseCount) \(HTML.escape(job.phaseName))</td>\
                <td>\(HTML.progress(done ? 1 : maps, label: "map"))<br>\(HTML.progress(done ? 1 : reduces, label: "reduce"))</td>\
                <td class="num">\(slots)</td><td class="num">\(HTML.duration(job.elapsedSeconds))</td></tr>
                """
        }.joined()
        return """
            <div class="scroll"><table id="jobs"><thead><tr><th>Job</th><th>Name</th><th>Binary</th><th>State</th><th>Phase</th>\
            <th>Progress</th><th class="num" title="running attempts / fair share of the slots">Slots</th><th class="num">Elapsed</th></tr></thead><tbody>\(rows)</tbody></table></div>
            """
    }
}
