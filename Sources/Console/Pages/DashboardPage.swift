import Cluster

/// The dashboard: trackers live, lost and blacklisted, slots in use, jobs by state with their
/// per-phase progress, and the form that submits a text job.
struct DashboardPage {
    /// The cluster at this moment.
    let overview: ClusterOverview
    /// Uploads a text job can read.
    let uploads: [Upload]
    /// Files under the data directory's `inputs/` a text job can read.
    let dataFiles: [String]
    /// Jobs the submit form offers.
    let jobNames: [String]

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
        let slots = "<div class=\"card\"><b>\(overview.slotsUsed)/\(overview.slots)</b>Slots used "
            + HTML.progress(overview.slots == 0 ? 0 : Double(overview.slotsUsed) / Double(overview.slots), label: "") + "</div>"
        let live = """
            <div class="cards">\(cards)\(slots)</div>
            <h2>Jobs</h2>
            \(JobTable(jobs: overview.jobs.reversed()).render())
            """
        return HTML.live(live, active: !running.isEmpty) + submitForm()
    }

    private func submitForm() -> String {
        let jobs = jobNames.map { "<option>\(HTML.escape($0))</option>" }.joined()
        let textUploads = uploads.filter { $0.kind == "text" }
        let uploadOptions = textUploads.map { "<option value=\"\(HTML.escape($0.id))\">\(HTML.escape($0.name))</option>" }.joined()
        let fileOptions = dataFiles.map { "<option>\(HTML.escape($0))</option>" }.joined()
        return """
            <h2>Submit a text job</h2>
            <form data-api="/api/v1/jobs" data-next="/jobs/{job}" id="submit-form">
            <label>Job <select name="job">\(jobs)</select></label>
            <label>Uploaded files <select name="uploads" multiple size="3">\(uploadOptions)</select></label>
            <label>Data directory files (inputs/) <select name="files" multiple size="3">\(fileOptions)</select></label>
            <label>Reducers <input name="reducers" type="number" min="1" max="64" placeholder="default"></label>
            <button type="submit">Run</button>
            </form>
            <h2>Upload a text file</h2>
            <form data-upload="/" id="text-upload-form"><label>File <input type="file" name="file"></label><button type="submit">Upload</button></form>
            """
    }
}
