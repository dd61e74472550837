import MapReduce

/// A job's weight in fair sharing, from its `-D mapreduce.job.weight=W` parameter.
///
/// As the weights of Hadoop's FairScheduler pools, a job of weight 2 is owed twice the slots of a
/// job of weight 1 while both have tasks to run; a job without the parameter weighs 1.
enum JobWeight {
    /// The job parameter that sets the weight.
    static let parameter = "mapreduce.job.weight"
    /// The weights accepted.
    static let accepted = 0.01...1000.0

    /// The weight `parameters` give, or an error naming the parameter and what is wrong with it.
    static func check(_ parameters: JobParameters) throws -> Double {
        guard let text = parameters[parameter] else { return 1 }
        guard let weight = Double(text), accepted.contains(weight) else {
            throw InputError(
                path: parameter,
                problem: "must be a number from \(accepted.lowerBound) to \(Int(accepted.upperBound)), not \"\(text)\""
            )
        }
        return weight
    }

    /// The weight `parameters` give, 1 when they give none or one not accepted (submission
    /// refuses such jobs, so only a journal written otherwise holds one).
    static func of(_ parameters: JobParameters) -> Double {
        (try? check(parameters)) ?? 1
    }
}
