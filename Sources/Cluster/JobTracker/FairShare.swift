/// Divides slots among jobs by max-min fairness, as Hadoop's FairScheduler computes shares.
enum FairShare {
    /// Each demand's share of `slots`: an even split, where a job that needs less than its split
    /// gets what it needs and the rest is split again among the others. The shares sum to the
    /// smaller of `slots` and the total demand.
    static func divide(_ slots: Double, among demands: [Int]) -> [Double] {
        var shares = [Double](repeating: 0, count: demands.count)
        var left = max(0, slots)
        var unsatisfied = demands.indices.sorted { demands[$0] < demands[$1] }
        while !unsatisfied.isEmpty, left > 0 {
            let even = left / Double(unsatisfied.count)
            let smallest = unsatisfied[0]
            guard Double(demands[smallest]) <= even else {
                for index in unsatisfied { shares[index] = even }
                return shares
            }
            shares[smallest] = Double(max(0, demands[smallest]))
            left -= shares[smallest]
            unsatisfied.removeFirst()
        }
        return shares
    }
}
