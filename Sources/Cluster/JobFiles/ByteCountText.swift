import Foundation

/// Byte counts as people read them in messages and pages: `812 B`, `1.4 KiB`, `512.0 MiB`.
public enum ByteCountText {
    /// `count` in the largest binary unit that keeps the number at least 1, with one decimal.
    public static func describe(_ count: Int64) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB"]
        var value = Double(count)
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return unit == 0 ? "\(count) B" : String(format: "%.1f %@", value, units[unit])
    }
}
