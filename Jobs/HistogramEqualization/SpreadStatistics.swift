/// The spread of a set of pixel values: minimum, maximum, mean and standard deviation.
public struct SpreadStatistics: Sendable, Equatable, CustomStringConvertible {
    /// The smallest value.
    public var minimum: Int
    /// The largest value.
    public var maximum: Int
    /// The mean.
    public var mean: Double
    /// The population standard deviation.
    public var standardDeviation: Double

    /// Creates statistics from their parts.
    public init(minimum: Int, maximum: Int, mean: Double, standardDeviation: Double) {
        self.minimum = minimum
        self.maximum = maximum
        self.mean = mean
        self.standardDeviation = standardDeviation
    }

    /// The statistics of the values a histogram counts (zeros for an empty histogram).
    public init<Counts: Collection<UInt64>>(histogram: Counts) {
        var count = 0.0
        var sum = 0.0
        var minimum: Int?
        var maximum = 0
        for (value, hits) in histogram.enumerated() where hits > 0 {
            if minimum == nil { minimum = value }
            maximum = value
            count += Double(hits)
            sum += Double(hits) * Double(value)
        }
        let mean = count > 0 ? sum / count : 0
        var squares = 0.0
        for (value, hits) in histogram.enumerated() where hits > 0 {
            squares += Double(hits) * (Double(value) - mean) * (Double(value) - mean)
        }
        self.init(minimum: minimum ?? 0, maximum: maximum, mean: mean,
                  standardDeviation: count > 0 ? (squares / count).squareRoot() : 0)
    }

    public var description: String {
        "min \(minimum) max \(maximum) stddev \(Self.format(standardDeviation))"
    }

    /// `value` with one decimal.
    static func format(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
