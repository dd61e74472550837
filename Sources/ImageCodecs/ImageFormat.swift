/// An image container format recognised from a file's leading bytes.
///
/// Detection never looks at the file name: a PNG called `dog.jpg` is a PNG.
/// Only ``jpeg`` and ``tiff`` can be decoded; the others are recognised so
/// that the refusal can say what the file really is.
public enum ImageFormat: String, Sendable, Equatable, CaseIterable {
    /// JPEG / JFIF / EXIF (starts with `FF D8 FF`).
    case jpeg
    /// TIFF or BigTIFF, either byte order (`II*\0`, `MM\0*`, `II+\0`, `MM\0+`).
    case tiff
    /// PNG (`89 50 4E 47 0D 0A 1A 0A`).
    case png
    /// GIF87a or GIF89a.
    case gif
    /// Windows bitmap (`BM`).
    case bmp
    /// WebP (`RIFF....WEBP`).
    case webp

    /// The number of leading bytes ``detect(_:)`` needs to tell all formats apart.
    public static let signatureLength = 12

    /// The conventional upper-case name, e.g. `"JPEG"`.
    public var displayName: String {
        switch self {
        case .jpeg: "JPEG"
        case .tiff: "TIFF"
        case .png: "PNG"
        case .gif: "GIF"
        case .bmp: "BMP"
        case .webp: "WebP"
        }
    }

    /// Whether this layer can decode the format (JPEG and TIFF).
    public var isDecodable: Bool {
        self == .jpeg || self == .tiff
    }

    /// Identifies the format from the first bytes of a file, or returns nil
    /// when the bytes match no known signature.
    public static func detect(_ leading: some Collection<UInt8>) -> ImageFormat? {
        let b = Array(leading.prefix(signatureLength))
        func starts(_ signature: [UInt8]) -> Bool {
            b.count >= signature.count && Array(b[0..<signature.count]) == signature
        }
        if starts([0xFF, 0xD8, 0xFF]) { return .jpeg }
        if starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A])
            || starts([0x49, 0x49, 0x2B, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2B])
        {
            return .tiff
        }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) { return .gif }
        if starts(Array("RIFF".utf8)), b.count >= 12, Array(b[8..<12]) == Array("WEBP".utf8) {
            return .webp
        }
        if starts(Array("BM".utf8)), b.count >= 6 { return .bmp }
        return nil
    }

    /// Reads the leading bytes of `path` and returns its format.
    ///
    /// Throws ``ImageCodecError`` for a missing or zero-byte file, and for a
    /// file whose signature is unknown. Recognised but undecodable formats
    /// (PNG, GIF, BMP, WebP) are returned, not thrown; use
    /// ``requireDecodable(path:)`` to refuse them.
    public static func detect(path: String) throws -> ImageFormat {
        let leading = try FileBytes.readPrefix(path: path, count: signatureLength)
        guard let format = detect(leading) else {
            throw ImageCodecError(
                .unsupportedFormat,
                path: path,
                "not a recognised image (unknown file signature); histeq reads JPEG and TIFF"
            )
        }
        return format
    }

    /// Returns the format of `path` if it is JPEG or TIFF, otherwise throws
    /// a one-line refusal such as
    /// `unequalized_dog.jpg: this is a PNG image; histeq reads JPEG and TIFF`.
    public static func requireDecodable(path: String) throws -> ImageFormat {
        let format = try detect(path: path)
        try format.requireDecodable(path: path)
        return format
    }

    /// Throws the one-line refusal for `path` unless this format is decodable.
    public func requireDecodable(path: String) throws {
        guard isDecodable else {
            throw ImageCodecError(
                .unsupportedFormat,
                path: path,
                "this is a \(displayName) image; histeq reads JPEG and TIFF"
            )
        }
    }
}
