import Cluster
import MapReduce

/// A succeeded job's results on its page, whatever the job: its artifacts, grouped by name into
/// figures (images, then histograms as SVG charts, tables and texts), and its output files for
/// download.
struct ResultsView {
    /// The job.
    let job: JobID
    /// Its output files and artifacts.
    let results: JobResults
    /// The artifacts' contents, in the order of `results.artifacts`.
    let contents: [ArtifactContent]

    /// The section, or nothing when the job left no results.
    func render() -> String {
        artifacts() + files()
    }

    private func artifacts() -> String {
        guard !results.artifacts.isEmpty else { return "" }
        var figures: [(title: String, parts: [String])] = []
        var names: [String] = []
        for (artifact, content) in zip(results.artifacts, contents) {
            let part = render(artifact, content)
            if let index = names.firstIndex(of: artifact.name) {
                figures[index].parts.append(part)
            } else {
                names.append(artifact.name)
                figures.append((artifact.title, [part]))
            }
        }
        let html = figures.map { figure in
            "<figure class=\"artifact\"><figcaption>\(HTML.escape(figure.title))</figcaption>\(figure.parts.joined())</figure>"
        }.joined()
        return "<h2>Results</h2><div class=\"pair\" id=\"artifacts\">\(html)</div>"
    }

    private func render(_ artifact: ResultArtifact, _ content: ArtifactContent) -> String {
        switch content {
        case .image:
            let source = "/api/v1/jobs/\(HTML.urlComponent("\(job)"))/artifacts/\(HTML.urlComponent(artifact.fileName))"
            return "<img class=\"artifact-image\" src=\"\(source)\" alt=\"\(HTML.escape(artifact.title))\">"
        case .histogram(let counts):
            return SVGHistogram(bins: counts, title: "Histogram: " + artifact.title).render()
        case .table(let rows):
            guard let header = rows.first else { return "" }
            let head = header.map { "<th>\(HTML.escape($0))</th>" }.joined()
            let body = rows.dropFirst().map { "<tr>" + $0.map { "<td>\(HTML.escape($0))</td>" }.joined() + "</tr>" }
                .joined()
            return
                "<div class=\"scroll\"><table class=\"artifact-table\"><thead><tr>\(head)</tr></thead><tbody>\(body)</tbody></table></div>"
        case .text(let text):
            return "<pre class=\"artifact-text\">\(HTML.escape(text))</pre>"
        case .unreadable(let reason):
            return "<p class=\"muted\">\(HTML.escape(artifact.fileName)): \(HTML.escape(reason))</p>"
        }
    }

    private func files() -> String {
        guard !results.files.isEmpty else { return "" }
        let id = HTML.urlComponent("\(job)")
        let links = results.files.map { file in
            """
            <li><a href="/api/v1/jobs/\(id)/output/\(HTML.urlComponent(file))" download>\(HTML.escape(JobResults.downloadName(of: file)))</a></li>
            """
        }.joined()
        return "<h2>Output</h2><ul id=\"output\">\(links)</ul>"
    }
}
