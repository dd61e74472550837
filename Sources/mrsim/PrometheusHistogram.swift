import Foundation

/// One histogram read from a Prometheus text exposition: cumulative counts by upper bound.
///
/// Two reads subtract (``since(_:)``) to the observations between them, whose quantiles are
/// estimated as Prometheus's `histogram_quantile` does: linearly within the bucket that holds
/// the rank.
struct PrometheusHistogram: Sendable {
    /// Cumulative counts by bucket upper bound (`le`), ascending; the last bound is infinity.
    var buckets: [(bound: Double, count: Double)]

    /// The histogram `name` in `exposition`, its buckets summed over every label set; nil when
    /// the exposition has none.
    init?(named name: String, in exposition: String) {
        var counts: [Double: Double] = [:]
        for line in exposition.split(separator: "\n") where line.hasPrefix(name + "_bucket{") {
            guard let le = line.range(of: "le=\""),
                let end = line[le.upperBound...].firstIndex(of: "\""),
                let value = line.split(separator: " ").last.flatMap({ Double($0) })
            else { continue }
            let text = line[le.upperBound..<end]
            let bound = text == "+Inf" ? Double.infinity : Double(text) ?? .nan
            guard !bound.isNaN else { continue }
            counts[bound, default: 0] += value
        }
        guard !counts.isEmpty else { return nil }
        buckets = counts.sorted { $0.key < $1.key }.map { (bound: $0.key, count: $0.value) }
    }

    private init(buckets: [(bound: Double, count: Double)]) {
        self.buckets = buckets
    }

    /// The observations made after `earlier` was read.
    func since(_ earlier: PrometheusHistogram?) -> PrometheusHistogram {
        guard let earlier, earlier.buckets.map(\.bound) == buckets.map(\.bound) else { return self }
        return PrometheusHistogram(
            buckets: zip(buckets, earlier.buckets).map { (bound: $0.bound, count: $0.count - $1.count) }
        )
    }

    /// How many observations there are.
    var count: Double { buckets.last?.count ?? 0 }

    /// The estimated `q` quantile (0...1) in the histogram's unit; nil without observations.
    func quantile(_ q: Double) -> Double? {
        guard count > 0 else { return nil }
        let rank = q * count
        var lowerBound = 0.0
        var lowerCount = 0.0
        for bucket in buckets {
            if bucket.count >= rank {
                if bucket.bound.isInfinite { return lowerBound }
                let inBucket = bucket.count - lowerCount
                guard inBucket > 0 else { return bucket.bound }
                return lowerBound + (bucket.bound - lowerBound) * (rank - lowerCount) / inBucket
            }
            lowerBound = bucket.bound
            lowerCount = bucket.count
        }
        return lowerBound
    }
}
