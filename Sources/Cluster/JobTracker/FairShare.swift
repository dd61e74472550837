/// Divides slots among jobs by weighted max-min fairness, as Hadoop's FairScheduler computes shares.
enum FairShare {
    /// Each demand's share of `slots`: a split in proportion to the weights (1 each without
    /// them), where a job that needs less than its part gets what it needs and the rest is split
    /// again among the others. The shares sum to the smaller of `slots` and the total demand.
    static func divide(_ slots: Double, among demands: [Int], weights: [Double]? = nil) -> [Double] {
        let weights = weights ?? [Double](repeating: 1, count: demands.count)
        precondition(weights.count == demands.count && weights.allSatisfy { $0 > 0 }, "a positive weight per demand")
        var shares = [Double](repeating: 0, count: demands.count)
        var left = max(0, slots)
        var unsatisfied = demands.indices.sorted {
            Double(demands[$0]) / weights[$0] < Double(demands[$1]) / weights[$1]
        }
        var weight = unsatisfied.reduce(0) { $0 + weights[$1] }
        while !unsatisfied.isEmpty, left > 0 {
            let perWeight = left / weight
            let smallest = unsatisfied[0]
            guard Double(demands[smallest]) <= perWeight * weights[smallest] else {
                for index in unsatisfied { shares[index] = perWeight * weights[index] }
                return shares
            }
            shares[smallest] = Double(max(0, demands[smallest]))
            left -= shares[smallest]
            weight -= weights[smallest]
            unsatisfied.removeFirst()
        }
        return shares
    }
}
