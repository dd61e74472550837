/// The `name=value` settings of a job, from `-D name=value` on the command line and job options.
public struct JobParameters: Sendable, Equatable, Codable {
    /// Every parameter by name.
    public private(set) var values: [String: String]

    /// Creates parameters from a dictionary.
    public init(_ values: [String: String] = [:]) {
        self.values = values
    }

    /// Parses `name=value` strings, as `-D` passes them.
    ///
    /// - Throws: ``JobParameterError`` for an item without `=` or with an empty name.
    public init(parsing items: [String]) throws {
        var values: [String: String] = [:]
        for item in items {
            guard let equals = item.firstIndex(of: "="), equals != item.startIndex else {
                throw JobParameterError(message: "-D \(item): expected name=value")
            }
            values[String(item[..<equals])] = String(item[item.index(after: equals)...])
        }
        self.values = values
    }

    /// The value of a parameter, or nil.
    public subscript(_ name: String) -> String? {
        get { values[name] }
        set { values[name] = newValue }
    }

    /// A boolean parameter: `true`, `1` or `yes` (any case) is true; absent is `defaultValue`.
    public func bool(_ name: String, default defaultValue: Bool = false) throws -> Bool {
        guard let text = values[name] else { return defaultValue }
        switch text.lowercased() {
        case "true", "1", "yes", "": return true
        case "false", "0", "no": return false
        default: throw JobParameterError(message: "-D \(name)=\(text): expected true or false")
        }
    }

    /// An integer parameter; absent is `defaultValue`.
    public func int(_ name: String, default defaultValue: Int) throws -> Int {
        guard let text = values[name] else { return defaultValue }
        guard let value = Int(text) else { throw JobParameterError(message: "-D \(name)=\(text): expected an integer") }
        return value
    }

    /// Adds the parameters of `other`, which win on conflicts.
    public mutating func merge(_ other: JobParameters) {
        values.merge(other.values) { _, new in new }
    }
}

/// A job parameter that is missing its value or has one of the wrong kind.
public struct JobParameterError: Error, CustomStringConvertible {
    /// One line saying which parameter is wrong and why.
    public let message: String

    /// Creates the error.
    public init(message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
