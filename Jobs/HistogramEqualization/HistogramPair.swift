import MapReduce

/// An image's histograms before and after equalization in 256 bins, as its histogram artifacts
/// show them: of the values the job equalizes (gray, or Y in luma and gray modes, or R, G and B
/// pooled in channels mode), 16-bit values by their high byte, min-is-white images as displayed.
public struct HistogramPair: Sendable, Equatable {
    /// The counts before.
    public var before: [UInt64]
    /// The counts after.
    public var after: [UInt64]

    /// The number of bins.
    public static let bins = 256

    /// Creates the pair from 256-bin counts.
    public init(before: [UInt64], after: [UInt64]) {
        self.before = before
        self.after = after
    }

    /// Folds full-resolution counts (256 or 65,536 bins) into 256 bins, mirrored when `inverts`.
    public init(pooledBefore: [UInt64], pooledAfter: [UInt64], invertsValues inverts: Bool) {
        self.init(before: Self.fold(pooledBefore, inverts: inverts), after: Self.fold(pooledAfter, inverts: inverts))
    }

    private static func fold(_ counts: [UInt64], inverts: Bool) -> [UInt64] {
        var bins = [UInt64](repeating: 0, count: Self.bins)
        let shift = counts.count > Self.bins ? (counts.count / Self.bins).trailingZeroBitCount : 0
        for (value, count) in counts.enumerated() where count > 0 {
            let bin = value >> shift
            bins[inverts ? Self.bins - 1 - bin : bin] += count
        }
        return bins
    }

    /// Appends the encoding to `writer`.
    public func encode(into writer: inout ByteWriter) {
        for count in before + after { writer.writeVarint(count) }
    }

    /// Reads the encoding from `reader`.
    public init(decoding reader: inout ByteReader) throws {
        before = try (0..<Self.bins).map { _ in try reader.readVarint() }
        after = try (0..<Self.bins).map { _ in try reader.readVarint() }
    }
}
