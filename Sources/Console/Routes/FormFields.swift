import Foundation
import NIOCore

/// The fields of an `application/x-www-form-urlencoded` body.
struct FormFields {
    private let values: [String: String]

    /// Parses `body`; a malformed body has no fields.
    init(_ body: ByteBuffer) {
        let text = String(buffer: body).replacingOccurrences(of: "+", with: " ")
        var values: [String: String] = [:]
        for item in URLComponents(string: "?" + text)?.queryItems ?? [] where values[item.name] == nil {
            values[item.name] = item.value ?? ""
        }
        self.values = values
    }

    /// The first value of `name`.
    subscript(_ name: String) -> String? { values[name] }
}
