import Foundation
import Hummingbird
import MapReduce
import NIOCore

/// Building the console's responses: HTML pages, JSON, files, redirects, and errors with the
/// status that fits them.
enum ConsoleResponse {
    /// An HTML page.
    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: [
                .contentType: "text/html; charset=utf-8", .cacheControl: "no-store",
                .contentSecurityPolicy:
                    "default-src 'self'; img-src 'self'; style-src 'self'; script-src 'self'; frame-ancestors 'none'",
                HeaderNames.contentTypeOptions: "nosniff",
            ],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text))
        )
    }

    /// A value as JSON.
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return Response(
            status: status,
            headers: [
                .contentType: "application/json", .cacheControl: "no-store", HeaderNames.contentTypeOptions: "nosniff",
            ],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data))
        )
    }

    /// A file streamed from disk, as an attachment named `downloadName` when given; a sandboxing
    /// policy keeps whatever a job wrote from running as a page of the console.
    static func file(
        _ path: String,
        type: String,
        downloadName: String?,
        context: some RequestContext
    ) async throws -> Response {
        var headers: HTTPFields = [
            .contentType: type, .cacheControl: "no-store", HeaderNames.contentTypeOptions: "nosniff",
            .contentSecurityPolicy: "default-src 'none'; sandbox",
        ]
        if let downloadName { headers[.contentDisposition] = disposition(downloadName) }
        let body = try await FileIO().loadFile(path: path, context: context)
        return Response(status: .ok, headers: headers, body: body)
    }

    /// A 303 redirect.
    static func redirect(to location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    /// The status an error deserves: 413 too large, 404 unknown, 400 bad input, or its own.
    static func status(of error: any Error) -> (HTTPResponse.Status, String) {
        switch error {
        case let error as HTTPError: (error.status, error.body ?? error.status.reasonPhrase)
        case let error as UploadTooLarge: (.contentTooLarge, error.description)
        case let error as UploadNotFound: (.notFound, error.description)
        case let error as InputError where error.problem.hasPrefix("no such"): (.notFound, error.description)
        case let error as InputError: (.badRequest, error.description)
        case is DecodingError: (.badRequest, "malformed request body")
        default: (.internalServerError, "\(error)")
        }
    }

    /// An error as JSON `{"error": "…"}` with its status.
    static func jsonError(_ error: any Error) -> Response {
        let (status, message) = status(of: error)
        return json(["error": message], status: status)
    }

    /// `attachment; filename*=UTF-8''…`, with the name percent-encoded so no quote or line break
    /// can escape the header.
    private static func disposition(_ name: String) -> String {
        let ascii = name.unicodeScalars.map {
            $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-_.".unicodeScalars.contains($0))
                ? Character($0) : "_"
        }
        return "attachment; filename=\"\(String(ascii))\"; filename*=UTF-8''\(HTML.urlComponent(name))"
    }
}
