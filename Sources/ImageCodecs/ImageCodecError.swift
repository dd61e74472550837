/// A one-line, user-facing failure to read, decode, encode or write an image.
///
/// The ``description`` is always `"<file>: <message>"`, where `<file>` is the
/// last path component of the path the caller gave, for example
/// `unequalized_dog.jpg: this is a PNG image; histeq reads JPEG and TIFF`.
/// ``kind`` lets callers and tests branch on the cause without parsing text.
public struct ImageCodecError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The broad cause of an image codec failure.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// The path does not exist.
        case missingFile
        /// The file exists but has no bytes.
        case emptyFile
        /// The file could not be opened or read (permissions, I/O error).
        case unreadable
        /// The file is not a JPEG or TIFF (PNG, GIF, BMP, WebP or unknown).
        case unsupportedFormat
        /// The file is a JPEG or TIFF, but uses a variant this layer refuses
        /// (CMYK JPEG, 12-bit, float or signed samples, palette colour, ...).
        case unsupportedLayout
        /// The file ends before the image data does.
        case truncated
        /// The codec found damaged or inconsistent data.
        case corrupt
        /// The image has more pixels than the configured ``PixelLimit``.
        case pixelLimit
        /// Encoding or writing the output failed.
        case writeFailed
        /// The caller passed data that does not match the image geometry.
        case invalidArgument
    }

    /// The broad cause, for programmatic checks.
    public let kind: Kind
    /// The file name shown to the user (last path component of the path given).
    public let file: String
    /// The explanation that follows the file name.
    public let message: String

    /// Creates an error for `path`, keeping only its last path component.
    public init(_ kind: Kind, path: String, _ message: String) {
        self.kind = kind
        self.file = ImageCodecError.displayName(of: path)
        self.message = message
    }

    /// The single line `"<file>: <message>"`.
    public var description: String { "\(file): \(message)" }

    /// Returns the last path component of `path`, or `path` itself when it
    /// has none (for example an empty string or a bare name).
    public static func displayName(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") {
            trimmed = trimmed.dropLast()
        }
        guard let slash = trimmed.lastIndex(of: "/"), trimmed.index(after: slash) < trimmed.endIndex else {
            return String(trimmed)
        }
        return String(trimmed[trimmed.index(after: slash)...])
    }
}
