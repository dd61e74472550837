import Foundation

/// A 256-bin histogram drawn as an SVG bar chart, with its cumulative distribution as a line.
struct SVGHistogram {
    /// The bin counts.
    let bins: [Int]
    /// The chart's accessible title.
    let title: String

    /// The `<svg>` element.
    func render() -> String {
        let width = 512.0
        let height = 160.0
        let peak = Double(max(1, bins.max() ?? 1))
        let total = Double(max(1, bins.reduce(0, +)))
        let step = width / Double(max(1, bins.count))
        var bars = ""
        for (index, count) in bins.enumerated() where count > 0 {
            let barHeight = Double(count) / peak * height
            bars += String(
                format: "M%.1f %.1fh%.2fv%.1fh-%.2fz",
                Double(index) * step,
                height - barHeight,
                step,
                barHeight,
                step
            )
        }
        var running = 0
        var curve = ""
        for (index, count) in bins.enumerated() {
            running += count
            let y = height - Double(running) / total * height
            curve += String(format: "%@%.1f %.1f", index == 0 ? "M" : "L", (Double(index) + 0.5) * step, y)
        }
        return """
            <svg class="histogram" viewBox="0 0 \(Int(width)) \(Int(height) + 16)" role="img" aria-label="\(HTML.escape(title))">\
            <title>\(HTML.escape(title))</title>\
            <rect x="0" y="0" width="\(Int(width))" height="\(Int(height))" fill="none" stroke="currentColor" stroke-opacity="0.2"/>\
            <path d="\(bars)" fill="#2463eb" fill-opacity="0.75"/>\
            <path d="\(curve)" fill="none" stroke="#d29922" stroke-width="1.5"/>\
            <text x="0" y="\(Int(height) + 13)">0</text><text x="\(Int(width) - 22)" y="\(Int(height) + 13)">255</text>\
            </svg>
            """
    }
}
