import MapReduce

/// The list of jobs the console can run: those of the cluster's installed job binary, each with
/// its summary and a link to its form.
struct RunPage {
    /// The jobs offered, hidden ones left out.
    let jobs: [JobDescriptor]

    /// The page body.
    func render() -> String {
        guard !jobs.isEmpty else {
            return "<p class=\"muted\">No tracker has registered a job binary yet, so there is no job to run.</p>"
        }
        let items = jobs.map { job in
            "<li><a href=\"/run/\(HTML.urlComponent(job.name))\">\(HTML.escape(job.name))</a> · \(HTML.escape(job.summary))</li>"
        }.joined()
        return "<p>The jobs of the cluster's installed job binary:</p><ul id=\"installed-jobs\">\(items)</ul>"
    }
}
