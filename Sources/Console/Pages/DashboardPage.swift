import Cluster

/// The dashboard: trackers live, lost and blacklisted, slots in use, jobs by state with their
/// per-phase progress, and the uploads jobs can read, with the form that adds one.
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
        let cards = [
            ("Trackers live", [.live, .draining, .full].reduce(0) { $0 + overview.trackers(in: $1).count }),
            ("Trackers lost", overview.trackers(in: .lost).count),
            ("Blacklisted", overview.trackers(in: .blacklisted).count),
            ("Jobs running", running.count),
            ("Jobs finished", overview.jobs(in: .succeeded).count),
            ("Jobs failed or killed", overview.jobs(in: .failed).count + overview.jobs(in: .killed).count),
        ].map { "<div class=\"card\"><b>\($0.1)</b>\($0.0)</div>" }.joined()
        let slots =
            "<div class=\"card\"><b>\(overview.slotsUsed)/\(overview.slots)</b>Slots used "
            + HTML.progress(overview.slots == 0 ? 0 : Double(overview.slotsUsed) / Double(overview.slots), label: "")
            + "</div>"
        let live = """
            <div class="cards">\(cards)\(slots)</div>
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
