import Cluster
import Foundation

/// Small helpers for server-rendered HTML: escaping everything user-supplied, numbers and times.
enum HTML {
    /// `text` with `&`, `<`, `>`, `"` and `'` escaped, safe in element content and quoted attributes.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// `text` percent-encoded for a URL path segment or query value.
    static func urlComponent(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~")))
            ?? ""
    }

    /// A byte count as `812 B`, `1.4 KiB`, `23.0 MiB`.
    static func bytes(_ count: Int64) -> String {
        ByteCountText.describe(count)
    }

    /// Seconds as `0.42 s`, `12.3 s` or `4 min 05 s`.
    static func duration(_ seconds: Double) -> String {
        if seconds < 10 { return String(format: "%.2f s", seconds) }
        if seconds < 120 { return String(format: "%.1f s", seconds) }
        let whole = Int(seconds)
        return String(format: "%d min %02d s", whole / 60, whole % 60)
    }

    /// A fair share of slots: whole when it is whole, else with one decimal.
    static func share(_ slots: Double) -> String {
        slots == slots.rounded() ? String(Int(slots)) : String(format: "%.1f", slots)
    }

    /// A time since 1970 as UTC `HH:mm:ss`.
    static func clock(_ time: Double) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "HH:mm:ss"
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date(timeIntervalSince1970: time))
    }

    /// A progress bar for a fraction from 0 to 1, with `label` beside it.
    static func progress(_ fraction: Double, label: String) -> String {
        let percent = Int((max(0, min(1, fraction)) * 100).rounded(.down))
        return
            "<progress class=\"bar\" value=\"\(percent)\" max=\"100\"></progress><span class=\"barlabel\">\(escape(label)) \(percent)%</span>"
    }

    /// The region of a page that the page script re-fetches every two seconds while `active`
    /// (a job runs), so that progress moves without a reload.
    static func live(_ content: String, active: Bool) -> String {
        "<div id=\"live\" data-active=\"\(active ? "1" : "0")\">\(content)</div>"
    }

    /// A state badge.
    static func badge(_ state: String) -> String {
        "<span class=\"badge \(escape(state))\">\(escape(state))</span>"
    }
}
