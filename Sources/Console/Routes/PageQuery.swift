import Hummingbird

/// The `offset` and `limit` query parameters of a list that grows with the cluster, checked:
/// a page of at most ``maximumLimit`` rows, ``defaultLimit`` when the request names none.
struct PageQuery: Sendable, Equatable {
    /// Rows per page when the request names no limit.
    static let defaultLimit = 100
    /// The largest page a request may ask for.
    static let maximumLimit = 1000

    /// The position of the page's first row, from 0; past the end the page is empty.
    let offset: Int
    /// The most rows the page holds, 1 to ``maximumLimit``.
    let limit: Int

    /// Reads `offset` and `limit` from `request`'s query; a value that is not a whole number in
    /// range is a 400 that says which values are allowed.
    init(_ request: Request) throws {
        let query = request.uri.queryParameters
        offset = try Self.number(
            query["offset"],
            in: 0...Int.max,
            default: 0,
            otherwise: "offset must be a whole number, 0 or more"
        )
        limit = try Self.number(
            query["limit"],
            in: 1...Self.maximumLimit,
            default: Self.defaultLimit,
            otherwise: "limit must be a whole number from 1 to \(Self.maximumLimit)"
        )
    }

    /// The query string of the page at `offset` with this page's limit.
    func query(offset: Int) -> String {
        "offset=\(offset)&limit=\(limit)"
    }

    private static func number(
        _ text: Substring?,
        in range: ClosedRange<Int>,
        default value: Int,
        otherwise message: String
    ) throws -> Int {
        guard let text else { return value }
        guard let number = Int(text), range.contains(number) else {
            throw HTTPError(.badRequest, message: message)
        }
        return number
    }
}
