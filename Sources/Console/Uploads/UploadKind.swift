import Foundation

/// What an uploaded file is, told by its first bytes alone: nothing is decoded.
enum UploadKind {
    /// `jpeg` for a JPEG (`FF D8 FF`), `tiff` for a classic or big TIFF (`II*\0`, `MM\0*`,
    /// `II+\0`, `MM\0+`), `other` for anything else.
    static func detect(path: String) -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else { return "other" }
        defer { try? handle.close() }
        let bytes = [UInt8]((try? handle.read(upToCount: 4)) ?? Data())
        return detect(bytes)
    }

    /// The kind of a file that starts with `bytes`.
    static func detect(_ bytes: [UInt8]) -> String {
        guard bytes.count >= 4 else { return "other" }
        if bytes[0] == 0xFF, bytes[1] == 0xD8, bytes[2] == 0xFF { return "jpeg" }
        let little = bytes[0] == 0x49 && bytes[1] == 0x49 && (bytes[2] == 42 || bytes[2] == 43) && bytes[3] == 0
        let big = bytes[0] == 0x4D && bytes[1] == 0x4D && bytes[2] == 0 && (bytes[3] == 42 || bytes[3] == 43)
        return little || big ? "tiff" : "other"
    }

    /// The content type an upload of `kind` is served with.
    static func contentType(of kind: String) -> String {
        switch kind {
        case "jpeg": "image/jpeg"
        case "tiff": "image/tiff"
        default: "application/octet-stream"
        }
    }
}
