import Cluster

/// The dashboard: trackers live, lost and blacklisted (counts, never a row per tracker), slots in
/// use, jobs by state with their per-phase progress, and the uploads jobs can read, with the form
/// that adds one.
struct DashboardPage {
    /// The cluster at this moment.
    let overview: ClusterOverview
    /// The uploads, newest first.
    let uploads: [Upload]
    /// The upload size limit in bytes.
    let uploadLimit: Int64

    /// The page body.
    func render() -> String {
        let running = overview.jobs(in: .running)
        let jobCards = [
            ("Jobs running", running.count),
            ("Jobs finished", overview.jobs(in: .succeeded).count),
            ("Jobs failed or killed", overview.jobs(in: .failed).count + overview.jobs(in: .killed).count),
        ].map { TrackerCards.card($0.0, $0.1) }
        let trackers = TrackerCards(summary: overview.trackers)
        let cards = (trackers.overview() + jobCards).joined()
        let live = """
            <div class="cards">\(cards)\(trackers.slots())</div>
            <h2>Jobs</h2>
            \(JobTable(jobs: overview.jobs.reversed()).render())
            """
        return HTML.live(live, active: !running.isEmpty) + "<p><a href=\"/run\">Run a job</a></p>" + uploadSection()
    }

    private func uploadSection() -> String {
        let rows = uploads.map { upload in
            let id = HTML.escape(upload.id)
            let last = upload.jobs.last.map { "<a href=\"/jobs/\(HTML.escape($0))\">\(HTML.escape($0))</a>" } ?? ""
            return """
                <tr><td>\(HTML.escape(upload.name))</td><td class="num" data-value="\(upload.size)">\(HTML.bytes(upload.size))</td>\
                <td>\(HTML.escape(upload.kind))</td><td>\(last)</td>\
                <td><button class="danger" data-delete="/api/v1/uploads/\(id)" data-confirm="Delete this upload?">Delete</button></td></tr>
                """
        }.joined()
        let table =
            uploads.isEmpty
            ? "<p class=\"muted\">No uploads yet.</p>"
            : """
            <div class="scroll"><table id="uploads"><thead><tr><th>File</th><th class="num">Size</th><th>Kind</th>\
            <th>Last job</th><th></th></tr></thead><tbody>\(rows)</tbody></table></div>
            """
        return """
            <h2>Uploads</h2>
            <form data-upload="/" id="upload-form"><label>File (at most \(HTML.bytes(uploadLimit))) <input type="file" name="file"></label>\
            <button type="submit">Upload</button></form>
            \(table)
            """
    }
}
