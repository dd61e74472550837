/// The body of `POST /api/v1/jobs`: a text job and its inputs.
struct SubmitRequest: Decodable, Sendable {
    /// `wordcount` or `logbytes`.
    var job: String
    /// Upload ids to read.
    var uploads: [String]?
    /// Paths relative to the data directory's `inputs/`.
    var files: [String]?
    /// Reduce tasks (default: the JobTracker's choice).
    var reducers: Int?

    private enum CodingKeys: String, CodingKey {
        case job, uploads, files, reducers
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
    }

    /// A list that a page form may also send as a single string.
    private static func strings(_ container: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) throws -> [String]? {
        if let list = try? container.decodeIfPresent([String].self, forKey: key) { return list }
        return try container.decodeIfPresent(String.self, forKey: key).map { [$0] }
    }
}
