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

    /// Parses a size as flags write it, `512`, `64k`, `32m` or `1g` (binary units); nil when it is
    /// not a positive size or does not fit in 64 bits.
    public static func parse(_ text: String) -> Int64? {
        let units: [Character: Int64] = ["k": 1 << 10, "m": 1 << 20, "g": 1 << 30, "t": 1 << 40]
        let lower = text.lowercased()
        let unit = lower.last.flatMap { units[$0] }
        guard let value = Int64(unit == nil ? lower : String(lower.dropLast())), value > 0 else { return nil }
        let (bytes, overflow) = value.multipliedReportingOverflow(by: unit ?? 1)
        return overflow ? nil : bytes
    }
}
