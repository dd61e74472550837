/// One try at running a task, printed `attempt_<stamp>_<seq>_m_000003_0`; attempts count from 0.
public struct AttemptID: Hashable, Sendable, Codable, CustomStringConvertible, LosslessStringConvertible {
    /// The task tried.
    public let task: TaskID
    /// Which try this is, from 0.
    public let number: Int

    /// Creates an id.
    public init(task: TaskID, number: Int) {
        self.task = task
        self.number = number
    }

    /// Parses the printed form.
    public init?(_ description: String) {
        guard
            let id = IDScanner.parse(
                description,
                { scanner -> AttemptID? in
                    guard scanner.skip("attempt_"), let task = scanner.task(), scanner.skip("_"),
                        let number = scanner.number()
                    else { return nil }
                    return AttemptID(task: task, number: number)
                }
            )
        else { return nil }
        self = id
    }

    /// The printed form, `attempt_<stamp>_<seq>_m_000003_0`.
    public var description: String { "attempt_\(task.body)_\(number)" }

    /// The name of a map attempt's final output file: sorted records of every partition and an index.
    public var mapOutputFileName: String { "\(self).out" }

    /// The name of a map attempt's `number`th spill file.
    public func spillFileName(_ number: Int) -> String { "\(self).spill\(number)" }
}
