import MapReduce

/// The form that runs one job, built from its descriptor: inputs chosen from uploads (or uploaded
/// on the way) and data directory files, the job's own options (a checkbox for a flag, a text
/// field for a valued option, each with its help), and the number of reducers.
struct RunJobPage {
    /// The job.
    let job: JobDescriptor
    /// Uploads it can read, newest first.
    let uploads: [Upload]
    /// Files under the data directory's `inputs/`.
    let dataFiles: [String]
    /// The upload size limit in bytes.
    let uploadLimit: Int64

    /// The page body.
    func render() -> String {
        let uploadOptions = uploads.map {
            "<option value=\"\(HTML.escape($0.id))\">\(HTML.escape($0.name)) (\(HTML.bytes($0.size)), \(HTML.escape($0.kind)))</option>"
        }.joined()
        let fileOptions = dataFiles.map { "<option>\(HTML.escape($0))</option>" }.joined()
        let options = job.options.map(Self.field).joined()
        return """
            <p>\(HTML.escape(job.summary))</p>
            <form data-api="/api/v1/jobs" data-next="/jobs/{job}" id="run-form">
            <input type="hidden" name="job" value="\(HTML.escape(job.name))">
            <fieldset><legend>Inputs</legend>
            <label>Upload files (at most \(HTML.bytes(uploadLimit)) each) <input type="file" name="new-files" multiple></label>
            <label>Uploaded files <select name="uploads" multiple size="4">\(uploadOptions)</select></label>
            <label>Data directory files (inputs/) <select name="files" multiple size="4">\(fileOptions)</select></label>
            </fieldset>
            <fieldset id="options"><legend>Options</legend>\(options)\
            <label>Reducers <input name="reducers" type="number" min="0" max="64" placeholder="default"></label>
            </fieldset>
            <button type="submit">Run \(HTML.escape(job.name))</button>
            </form>
            """
    }

    /// The form field of an option: its parameter's value goes to `option.<name>`.
    private static func field(_ option: JobOption) -> String {
        let name = HTML.escape("option." + option.name)
        let help = "<span class=\"help\">\(HTML.escape(option.help))</span>"
        guard let valueName = option.valueName else {
            return
                "<label class=\"check\"><input type=\"checkbox\" name=\"\(name)\" value=\"true\"> --\(HTML.escape(option.name)) \(help)</label>"
        }
        return
            "<label>--\(HTML.escape(option.name)) <input name=\"\(name)\" placeholder=\"\(HTML.escape(valueName))\">\(help)</label>"
    }
}
