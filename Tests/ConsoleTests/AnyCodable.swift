/// A JSON value of any type, for reading one field of a reply without declaring its whole shape.
struct AnyCodable: Decodable {
    let string: String?

    init(from decoder: any Decoder) throws {
        string = try? decoder.singleValueContainer().decode(String.self)
    }
}
