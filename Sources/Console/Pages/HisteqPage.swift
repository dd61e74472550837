import Cluster

/// The histogram equalization page: the upload form (JPEG or TIFF, and the mode) and the list of
/// uploaded images with the state of their jobs.
struct HisteqPage {
    /// Image uploads, newest first, with the report of each one's last job.
    let uploads: [(upload: Upload, job: JobReport?)]
    /// The upload size limit in bytes.
    let limit: Int64

    /// The page body.
    func render() -> String {
        let form = """
            <form data-upload="/histeq/{id}" id="histeq-form">
            <label>JPEG or TIFF (at most \(HTML.bytes(limit))) <input type="file" name="file" accept=".jpg,.jpeg,.tif,.tiff,image/jpeg,image/tiff"></label>
            \(Self.modeSelect(selected: "luma"))
            <button type="submit">Upload and equalize</button></form>
            """
        let rows = uploads.map { entry in
            let id = HTML.escape(entry.upload.id)
            let state = entry.job.map { HTML.badge($0.state.rawValue) } ?? "<span class=\"muted\">not run</span>"
            return "<tr><td><a href=\"/histeq/\(id)\">\(HTML.escape(entry.upload.name))</a></td><td class=\"num\">\(HTML.bytes(entry.upload.size))</td><td>\(HTML.escape(entry.upload.mode))</td><td>\(state)</td></tr>"
        }.joined()
        let table = uploads.isEmpty
            ? "<p class=\"muted\">No images uploaded yet.</p>"
            : "<div class=\"scroll\"><table id=\"uploads\"><thead><tr><th>Image</th><th class=\"num\">Size</th><th>Mode</th><th>Job</th></tr></thead><tbody>\(rows)</tbody></table></div>"
        let running = uploads.contains { $0.job?.state == .running }
        return form + "<h2>Images</h2>" + HTML.live(table, active: running)
    }

    /// The mode menu: luma, channels or gray.
    static func modeSelect(selected: String) -> String {
        let options = [("luma", "luma: one table on Y, colours kept"), ("channels", "channels: R, G, B each"), ("gray", "gray: R = G = B")]
            .map { "<option value=\"\($0.0)\"\($0.0 == selected ? " selected" : "")>\($0.1)</option>" }.joined()
        return "<label>Mode <select name=\"mode\">\(options)</select></label>"
    }
}
