import Cluster
import Foundation

/// A job's page: state, binary, per-phase progress, counters, the job's parameters (a streaming
/// job's commands among them), the attempt timeline, the task table (sortable by duration),
/// failures with their errors and standard error tails, and once it has succeeded its artifacts
/// and output files.
struct JobPage {
    /// The job.
    let detail: JobDetail
    /// Its artifacts and output files, once it has succeeded.
    let results: ResultsView
    /// Now, seconds since 1970.
    let now: Double

    /// The page body.
    func render() -> String {
        let report = detail.report
        let id = HTML.escape("\(report.job)")
        let running = report.state == .running
        let kill =
            running
            ? "<button class=\"danger\" data-post=\"/api/v1/jobs/\(id)/kill\" data-confirm=\"Kill this job?\" id=\"kill\">Kill job</button>"
            : ""
        let failure = report.failure.isEmpty ? "" : "<p class=\"error\">\(HTML.escape(report.failure))</p>"
        let status = report.status.isEmpty ? "" : "<p id=\"status\">status: \(HTML.escape(report.status))</p>"
        let share =
            report.state == .running
            ? "<p id=\"share\">\(report.runningAttempts) attempts running; fair share \(HTML.share(report.fairShare)) slots</p>"
            : ""
        let failureLog =
            report.failureLog.isEmpty ? "" : "<pre>\(HTML.escape(report.failureLog.joined(separator: "\n")))</pre>"
        let live = """
            <p>\(HTML.badge(report.state.rawValue)) <strong>\(HTML.escape(report.name))</strong> · \
            binary <code id="binary">\(HTML.escape(report.binary))</code> · phase \(report.phase + 1)/\(report.phaseCount) \
            \(HTML.escape(report.phaseName)) · \(HTML.duration(report.elapsedSeconds)) · \(report.failedAttempts) failed attempts \(kill)</p>
            \(share)\(status)\(failure)\(failureLog)
            \(results.render())
            \(phases())
            <h2>Timeline</h2>
            \(SVGTimeline(detail: detail, end: running ? now : report.submittedAt + report.elapsedSeconds).render())
            \(resumptions())
            <h2>Tasks</h2>
            \(taskTable())
            <h2>Counters</h2>
            \(counters())
            \(parameters())
            \(failures())
            """
        return HTML.live(live, active: running)
    }

    /// The JobTracker restarts the job rode out, as the timeline's dashed lines mark them.
    private func resumptions() -> String {
        guard !detail.resumptions.isEmpty else { return "" }
        let times = detail.resumptions.map {
            HTML.duration($0 - detail.report.submittedAt) + " after submission"
        }
        return "<p id=\"restarts\">JobTracker restarted; job resumed (\(times.joined(separator: ", ")))</p>"
    }

    private func phases() -> String {
        guard !detail.phases.isEmpty else {
            let report = detail.report
            return
                "<p>maps \(report.mapsDone)/\(report.mapsTotal), reduces \(report.reducesDone)/\(report.reducesTotal) <span class=\"muted\">(tasks are not kept after a JobTracker restart)</span></p>"
        }
        let rows = detail.phases.map { phase in
            """
            <tr><td>\(phase.index + 1) \(HTML.escape(phase.name))</td>\
            <td>\(HTML.progress(phase.maps.fraction, label: "map"))</td><td class="num">\(phase.maps.done)/\(phase.maps.running)/\(phase.maps.pending)/\(phase.maps.failed)</td>\
            <td>\(HTML.progress(phase.reduces.fraction, label: "reduce"))</td><td class="num">\(phase.reduces.done)/\(phase.reduces.running)/\(phase.reduces.pending)/\(phase.reduces.failed)</td></tr>
            """
        }.joined()
        return """
            <div class="scroll"><table id="phases"><thead><tr><th>Phase</th><th>Maps</th><th class="num">done/running/pending/failed</th>\
            <th>Reduces</th><th class="num">done/running/pending/failed</th></tr></thead><tbody>\(rows)</tbody></table></div>
            """
    }

    /// The job's parameters, by name: its options and `-D` settings, such as a streaming job's
    /// `stream.map.streamprocessor` command.
    private func parameters() -> String {
        guard !detail.parameters.isEmpty else { return "" }
        let rows = detail.parameters.sorted { $0.key < $1.key }.map { name, value in
            "<tr><th><code>\(HTML.escape(name))</code></th><td><code>\(HTML.escape(value))</code></td></tr>"
        }.joined()
        return """
            <h2>Parameters</h2>
            <div class="scroll"><table id="parameters"><tbody>\(rows)</tbody></table></div>
            """
    }

    private func taskTable() -> String {
        let tasks = detail.tasks
        guard !tasks.isEmpty else { return "<p class=\"muted\">No tasks.</p>" }
        let rows = tasks.map { task in
            """
            <tr><td>\(HTML.escape(task.id))</td><td class="num">\(task.attempts.count)</td><td>\(HTML.escape(task.tracker))</td>\
            <td>\(HTML.badge(task.state))</td><td class="num" data-value="\(task.durationSeconds)">\(HTML.duration(task.durationSeconds))</td>\
            <td class="num" data-value="\(task.inputBytes)">\(HTML.bytes(task.inputBytes))</td>\
            <td class="num" data-value="\(task.outputBytes)">\(HTML.bytes(task.outputBytes))</td></tr>
            """
        }.joined()
        return """
            <div class="scroll"><table id="tasks"><thead><tr><th>Task</th><th class="num">Attempts</th><th>Tracker</th><th>State</th>\
            <th class="num"><button data-sort="duration">Duration ↕</button></th><th class="num"><button data-sort="input">Input ↕</button></th>\
            <th class="num"><button data-sort="output">Output ↕</button></th></tr></thead><tbody>\(rows)</tbody></table></div>
            """
    }

    private func counters() -> String {
        let values = detail.report.counters.values.sorted { $0.key < $1.key }
        guard !values.isEmpty else { return "<p class=\"muted\">No counters yet.</p>" }
        let rows = values.map { "<tr><td>\(HTML.escape($0.key))</td><td class=\"num\">\($0.value)</td></tr>" }.joined()
        return "<div class=\"scroll\"><table id=\"counters\"><tbody>\(rows)</tbody></table></div>"
    }

    private func failures() -> String {
        let failed = detail.failedAttempts
        guard !failed.isEmpty else { return "" }
        let items = failed.map { attempt in
            let tail =
                attempt.logTail.isEmpty ? "" : "<pre>\(HTML.escape(attempt.logTail.joined(separator: "\n")))</pre>"
            return
                "<li><strong>\(HTML.escape(attempt.id))</strong> on \(HTML.escape(attempt.tracker)): <span class=\"error\">\(HTML.escape(attempt.failure))</span>\(tail)</li>"
        }.joined()
        return "<h2>Failures</h2><ul id=\"failures\">\(items)</ul>"
    }
}
