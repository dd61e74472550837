import Cluster

/// One equalized image: the original and the result side by side, both histograms, the job's
/// progress, and links to download the result, run again in another mode, or delete it all.
struct HisteqResultPage {
    /// The upload.
    let upload: Upload
    /// Its last job, if one was submitted.
    let job: JobReport?
    /// The original's histogram and description, or nil when it cannot be decoded for display.
    let before: (bins: [Int], summary: String)?
    /// The result's histogram, once the job has succeeded.
    let after: [Int]?

    /// The page body.
    func render() -> String {
        let id = HTML.urlComponent(upload.id)
        var status = "<p class=\"muted\">No job yet.</p>"
        if let job {
            let done = job.state == .succeeded
            let fraction = job.mapsTotal + job.reducesTotal == 0 ? 0 : Double(job.mapsDone + job.reducesDone) / Double(job.mapsTotal + job.reducesTotal)
            status = """
                <p>\(HTML.badge(job.state.rawValue)) <a href="/jobs/\(HTML.escape("\(job.job)"))">\(HTML.escape("\(job.job)"))</a> · \
                phase \(job.phase + 1)/\(job.phaseCount) \(HTML.progress(done ? 1 : fraction, label: job.phaseName))</p>
                \(job.failure.isEmpty ? "" : "<p class=\"error\">\(HTML.escape(job.failure))</p>")
                """
        }
        let original = """
            <figure><figcaption>Before: \(HTML.escape(upload.name))<br><span class="muted">\(HTML.escape(before?.summary ?? "no preview"))</span></figcaption>\
            <img id="before-image" src="/api/v1/uploads/\(id)/preview/original" alt="original image">\
            \(before.map { SVGHistogram(bins: $0.bins, title: "Histogram before").render() } ?? "")</figure>
            """
        var result = "<figure><figcaption>After</figcaption><p class=\"muted\">The result appears here when the job has succeeded.</p></figure>"
        if let after {
            result = """
                <figure><figcaption>After: \(HTML.escape(upload.resultName)) · \
                <a id="download" href="/api/v1/uploads/\(id)/result" download>download</a></figcaption>\
                <img id="after-image" src="/api/v1/uploads/\(id)/preview/result" alt="equalized image">\
                \(SVGHistogram(bins: after, title: "Histogram after").render())</figure>
                """
        }
        let live = "\(status)<div class=\"pair\">\(original)\(result)</div>"
        let controls = """
            <h2>Run again or delete</h2>
            <form data-api="/api/v1/histeq" data-next="/histeq/\(id)" id="rerun-form">\
            <input type="hidden" name="upload" value="\(HTML.escape(upload.id))">\(HisteqPage.modeSelect(selected: upload.mode))\
            <button type="submit">Equalize</button></form>
            <p><button class="danger" id="delete" data-delete="/api/v1/uploads/\(id)" data-next="/histeq" \
            data-confirm="Delete the image and its results?">Delete upload and outputs</button></p>
            """
        return HTML.live(live, active: job?.state == .running) + controls
    }
}
