/// A job input that cannot be used, said in one line that names the path.
public struct InputError: Error, CustomStringConvertible, Equatable {
    /// The path concerned.
    public let path: String
    /// What is wrong with it.
    public let problem: String

    /// Creates the error.
    public init(path: String, problem: String) {
        self.path = path
        self.problem = problem
    }

    /// The path and the problem: `books/: directory has no input files`.
    public var description: String { "\(path): \(problem)" }
}
