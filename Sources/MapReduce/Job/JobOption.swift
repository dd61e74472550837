/// A command-line option of a job's own, which sets a job parameter.
///
/// `JobOption(name: "normalize", parameter: "wordcount.normalize", help: "…")` makes
/// `mrsubmit wordcount --normalize` the same as `-D wordcount.normalize=true`.
public struct JobOption: Sendable, Equatable, Codable {
    /// The option's long name, without dashes.
    public let name: String
    /// The job parameter it sets.
    public let parameter: String
    /// The placeholder of the option's value, or nil for a flag.
    public let valueName: String?
    /// One line of help.
    public let help: String

    /// Creates an option; with a `valueName` it takes a value, without one it is a flag.
    public init(name: String, parameter: String, valueName: String? = nil, help: String) {
        self.name = name
        self.parameter = parameter
        self.valueName = valueName
        self.help = help
    }
}
