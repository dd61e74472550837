/// A reason why bytes could not be decoded into a key or value.
public enum DecodingError: Error, Equatable, CustomStringConvertible {
    /// The bytes ended before the value did.
    case truncated
    /// The bytes do not form a valid value; the text says why.
    case malformed(String)

    /// The reason in one line, as errors are shown to users.
    public var description: String {
        switch self {
        case .truncated: "encoded value is truncated"
        case .malformed(let why): "malformed encoded value: \(why)"
        }
    }
}
