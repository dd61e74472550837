import Cluster
import Foundation
import MapReduce

/// A job's attempts as a Gantt chart in SVG: one row per task, one bar per attempt coloured by
/// its state, from the job's submission to its end (or now), with the fraction of tasks
/// completed drawn over it and a dashed line where a restarted JobTracker resumed the job.
struct SVGTimeline {
    /// The job.
    let detail: JobDetail
    /// The chart's right edge, seconds since 1970: the job's end, or now while it runs.
    let end: Double

    /// The `<svg>` element, or a note when no attempt has started.
    func render() -> String {
        let tasks = detail.tasks.filter { !$0.attempts.isEmpty }
        guard !tasks.isEmpty else { return "<p class=\"muted\">No attempt has started yet.</p>" }
        let start = detail.report.submittedAt
        let span = max(0.001, end - start)
        let rowHeight = 12.0
        let left = 150.0
        let width = 760.0
        let plot = width - left - 10
        let height = Double(tasks.count) * rowHeight + 30
        let x = { (time: Double) in left + (time - start) / span * plot }
        var shapes = ""
        for (row, task) in tasks.enumerated() {
            let y = Double(row) * rowHeight + 4
            shapes += String(format: "<text x=\"0\" y=\"%.1f\">%@</text>", y + 9, HTML.escape(Self.shortName(task.id)))
            for attempt in task.attempts {
                let from = x(attempt.startedAt)
                let to = x(attempt.finishedAt ?? end)
                shapes += String(
                    format:
                        "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%@\"><title>%@</title></rect>",
                    from,
                    y,
                    max(1.5, to - from),
                    rowHeight - 3,
                    Self.color(attempt.state),
                    HTML.escape("\(attempt.id) \(attempt.state) on \(attempt.tracker)")
                )
            }
        }
        for resumed in detail.resumptions {
            shapes += String(
                format:
                    "<line class=\"restart\" x1=\"%.1f\" y1=\"0\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#cf222e\" "
                    + "stroke-dasharray=\"4 3\"><title>JobTracker restarted; job resumed</title></line>",
                x(resumed),
                x(resumed),
                height - 20
            )
        }
        let finishes = tasks.compactMap { task in task.attempts.first { $0.state == "succeeded" }?.finishedAt }.sorted()
        var curve = String(format: "M%.1f %.1f", left, height - 26)
        for (index, time) in finishes.enumerated() {
            let y = height - 26 - Double(index + 1) / Double(tasks.count) * (height - 30)
            curve += String(format: "H%.1fV%.1f", x(time), y)
        }
        return """
            <svg class="timeline" viewBox="0 0 \(Int(width)) \(Int(height))" role="img" aria-label="Attempt timeline">\
            <title>Attempts over time, with the fraction of tasks completed</title>\(shapes)\
            <path d="\(curve)" fill="none" stroke="#d29922" stroke-width="1.5"/>\
            <text x="\(Int(left))" y="\(Int(height) - 4)">0 s</text>\
            <text x="\(Int(width) - 60)" y="\(Int(height) - 4)">\(HTML.escape(HTML.duration(span)))</text>\
            </svg>
            """
    }

    /// `task_…_p2_m_000003` as `p2 m 3`.
    static func shortName(_ task: String) -> String {
        guard let id = TaskID(task) else { return task }
        return "p\(id.phase + 1) \(id.kind.rawValue) \(id.index)"
    }

    private static func color(_ state: String) -> String {
        switch state {
        case "succeeded": "#1a7f37"
        case "failed": "#cf222e"
        case "killed": "#8b949e"
        default: "#2463eb"
        }
    }
}
