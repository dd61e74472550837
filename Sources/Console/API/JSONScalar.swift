/// A JSON string, number, boolean or null kept as the text a page shows or a job parameter
/// holds: options of a submission and cells of a table artifact.
struct JSONScalar: Decodable, Sendable {
    /// `true` or `false` for booleans, numbers in decimal, null as empty.
    let text: String

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            text = ""
        } else if let flag = try? container.decode(Bool.self) {
            text = flag ? "true" : "false"
        } else if let number = try? container.decode(Int.self) {
            text = "\(number)"
        } else if let number = try? container.decode(Double.self) {
            text = "\(number)"
        } else {
            text = try container.decode(String.self)
        }
    }
}
