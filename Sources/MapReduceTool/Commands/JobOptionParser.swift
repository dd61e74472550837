import MapReduce

/// Takes a job's own options (``JobOption``) out of the command line and turns them into parameters.
struct JobOptionParser {
    let options: [JobOption]

    /// Splits `arguments` into the ones left for the common options and the job parameters set.
    func extract(from arguments: [String]) throws -> (rest: [String], parameters: JobParameters) {
        var rest: [String] = []
        var parameters = JobParameters()
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if argument == "--" {
                rest.append(contentsOf: arguments[(index - 1)...])
                break
            }
            let (name, attached) = Self.split(argument)
            guard let option = options.first(where: { "--\($0.name)" == name }) else {
                rest.append(argument)
                continue
            }
            if option.valueName == nil {
                guard attached == nil else { throw JobParameterError(message: "\(name) takes no value") }
                parameters[option.parameter] = "true"
            } else if let attached {
                parameters[option.parameter] = attached
            } else {
                guard index < arguments.count else { throw JobParameterError(message: "\(name) needs a value") }
                parameters[option.parameter] = arguments[index]
                index += 1
            }
        }
        return (rest, parameters)
    }

    /// `--name=value` as (`--name`, `value`); anything else as (argument, nil).
    private static func split(_ argument: String) -> (String, String?) {
        guard argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") else { return (argument, nil) }
        return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
    }
}
