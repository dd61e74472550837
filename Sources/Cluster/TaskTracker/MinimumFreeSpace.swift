/// How much free space a tracker's work directory needs before the tracker takes new tasks
/// (Hadoop's `mapred.local.dir.minspacestart`): an absolute size, a share of the file system, or
/// the smaller of both.
///
/// Written on the command line as `1g`, `5%` or `1g,5%`; `0` takes tasks however full the disk
/// is. The default, `1g,5%`, asks for 1 GiB, or 5% of a file system smaller than 20 GiB.
public struct MinimumFreeSpace: Sendable, Equatable, CustomStringConvertible {
    /// The absolute minimum, if one was given.
    public var bytes: Int64?
    /// The minimum as a percentage of the file system's size, if one was given.
    public var percent: Double?

    /// The default: the smaller of 1 GiB and 5% of the file system.
    public static let `default` = MinimumFreeSpace(bytes: 1 << 30, percent: 5)

    /// Creates a minimum; with both parts, the smaller one applies.
    public init(bytes: Int64?, percent: Double?) {
        self.bytes = bytes
        self.percent = percent
    }

    /// Parses the `--min-free-space` notation; `option` names the flag in the one-line error.
    public init(parsing text: String, option: String = "--min-free-space") throws {
        if text == "0" {
            self.init(bytes: 0, percent: nil)
            return
        }
        var bytes: Int64?
        var percent: Double?
        for part in text.split(separator: ",", omittingEmptySubsequences: false).map(String.init) {
            if part.hasSuffix("%") {
                guard percent == nil, let value = Double(part.dropLast()), value >= 0, value <= 100 else {
                    throw ClusterError(
                        message: "\(option) \(text): expected a size (1g), a percentage (5%) or both (1g,5%)"
                    )
                }
                percent = value
            } else {
                guard bytes == nil, let size = ByteCountText.parse(part) else {
                    throw ClusterError(
                        message: "\(option) \(text): expected a size (1g), a percentage (5%) or both (1g,5%)"
                    )
                }
                bytes = size
            }
        }
        self.init(bytes: bytes, percent: percent)
    }

    /// The free bytes needed on a file system of `totalBytes`.
    public func threshold(totalBytes: Int64) -> Int64 {
        let share = percent.map { Int64((Double(totalBytes) * $0 / 100).rounded(.up)) }
        switch (bytes, share) {
        case let (bytes?, share?): return min(bytes, share)
        case let (bytes?, nil): return bytes
        case let (nil, share?): return share
        case (nil, nil): return 0
        }
    }

    /// Why a work directory on `space` takes no new tasks, or nil when it has room enough.
    public func shortage(in space: DiskSpace) -> String? {
        let needed = threshold(totalBytes: space.totalBytes)
        guard needed > 0, space.availableBytes < needed else { return nil }
        return "low on disk space: the work directory has \(ByteCountText.describe(space.availableBytes)) free, "
            + "below the \(ByteCountText.describe(needed)) minimum (--min-free-space \(self))"
    }

    /// The command-line notation, e.g. `1g,5%`.
    public var description: String {
        let size = bytes.map { $0 == 0 ? "0" : Self.shortSize($0) }
        let share = percent.map { ($0 == $0.rounded() ? "\(Int($0))" : "\($0)") + "%" }
        return [size, share].compactMap { $0 }.joined(separator: ",")
    }

    private static func shortSize(_ bytes: Int64) -> String {
        for (unit, shift) in [("t", 40), ("g", 30), ("m", 20), ("k", 10)] where bytes % (Int64(1) << shift) == 0 {
            return "\(bytes >> shift)\(unit)"
        }
        return "\(bytes)"
    }
}
