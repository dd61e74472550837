import MapReduce

/// The body of `POST /api/v1/jobs`: an installed job, its inputs, its own options and reducers.
struct SubmitRequest: Decodable, Sendable {
    /// The job's name, as the cluster's trackers list it.
    var job: String
    /// Upload ids to read.
    var uploads: [String]?
    /// Paths relative to the data directory's `inputs/`.
    var files: [String]?
    /// Reduce tasks (default: the JobTracker's choice).
    var reducers: Int?
    /// The job's own options by name (without dashes): `true` or `false` for a flag, the value
    /// for a valued option; empty values and `false` flags are left out.
    var options: [String: String]

    private enum CodingKeys: String, CodingKey {
        case job, uploads, files, reducers, options
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        job = try container.decode(String.self, forKey: .job)
        uploads = try Self.strings(container, .uploads)
        files = try Self.strings(container, .files)
        if let number = try? container.decodeIfPresent(Int.self, forKey: .reducers) {
            reducers = number
        } else if let text = try? container.decodeIfPresent(String.self, forKey: .reducers), !text.isEmpty {
            reducers = Int(text)
        }
        options = try container.decodeIfPresent([String: JSONScalar].self, forKey: .options)?.mapValues(\.text) ?? [:]
    }

    /// The job parameters `options` set, by the job's descriptor.
    ///
    /// - Throws: ``InputError`` for an option the job does not have, a flag that is neither
    ///   true nor false, or a value with control characters or over 1000 bytes.
    func parameters(for descriptor: JobDescriptor) throws -> JobParameters {
        var parameters = JobParameters()
        for (name, value) in options.sorted(by: { $0.key < $1.key }) {
            guard let option = descriptor.options.first(where: { $0.name == name }) else {
                throw InputError(path: name, problem: "not an option of \(descriptor.name)")
            }
            if option.valueName == nil {
                switch value.lowercased() {
                case "true", "on", "1", "yes": parameters[option.parameter] = "true"
                case "false", "off", "0", "no", "": continue
                default: throw InputError(path: name, problem: "a flag is true or false, not \(value)")
                }
            } else if !value.isEmpty {
                guard value.utf8.count <= 1000,
                    !value.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F })
                else {
                    throw InputError(path: name, problem: "a value has at most 1000 bytes and no control characters")
                }
                parameters[option.parameter] = value
            }
        }
        return parameters
    }

    /// A list that a page form may also send as a single string.
    private static func strings(_ container: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) throws -> [String]?
    {
        if let list = try? container.decodeIfPresent([String].self, forKey: key) { return list }
        return try container.decodeIfPresent(String.self, forKey: key).map { [$0] }
    }
}
