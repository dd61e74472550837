import Foundation

/// A file a job attaches to its output for people to look at (a preview image, a histogram, a
/// table or a short text), which the web console shows without knowing the job.
///
/// An artifact is an ordinary output file named `_artifact.<name>.<kind>.<extension>` that an
/// output format writes into its attempt directory (the `directory` of
/// ``OutputFormat/makeWriter(for:in:)``), so the framework commits, lists and downloads it with
/// the job's other files; its leading underscore keeps it out of later jobs' inputs, as
/// `_SUCCESS`. A job writes artifacts only when the job parameter ``parameter``
/// (`mapreduce.artifacts`) is `true`, which the console sets on every job it submits, so runs
/// from the command line pay nothing for them.
///
/// | kind | extensions | content |
/// |---|---|---|
/// | `image` | `jpg`, `png` | an image a browser shows; keep it small (a preview) |
/// | `histogram` | `json` | a JSON array of bin counts |
/// | `table` | `json` | a JSON array of rows, each an array of strings; the first row is the header |
/// | `text` | `txt` | UTF-8 text |
///
/// The name says what the artifact shows. Artifacts of one name belong together (an image and
/// its histogram) and are shown in the order of their names; a leading `<digits>-` only orders
/// them (`1-before` sorts before `2-after`, and `10-` after `9-`) and is not shown (``title``).
public struct ResultArtifact: Sendable, Hashable {
    /// What an artifact holds, which says how it is shown.
    public enum Kind: String, Sendable, CaseIterable {
        /// A JPEG or PNG image.
        case image
        /// A JSON array of bin counts.
        case histogram
        /// A JSON array of rows of strings, the first one the header.
        case table
        /// UTF-8 text.
        case text

        /// The file extensions an artifact of this kind may have, the first one the default.
        public var fileExtensions: [String] {
            switch self {
            case .image: ["jpg", "png"]
            case .histogram, .table: ["json"]
            case .text: ["txt"]
            }
        }
    }

    /// The job parameter that asks a job for its artifacts: `mapreduce.artifacts=true`.
    public static let parameter = "mapreduce.artifacts"
    /// What every artifact's file name starts with.
    public static let fileNamePrefix = "_artifact."
    /// The longest name, in UTF-8 bytes.
    public static let maxNameLength = 150

    /// What the artifact shows, e.g. `1-before`.
    public let name: String
    /// What it holds.
    public let kind: Kind
    /// Its file extension, one of the kind's ``Kind/fileExtensions``.
    public let fileExtension: String

    /// Creates an artifact's description; `fileExtension` defaults to the kind's first.
    ///
    /// - Throws: ``JobParameterError`` for an empty or too long name, a name with `/`, `\` or
    ///   control characters, or an extension the kind does not allow.
    public init(name: String, kind: Kind, fileExtension: String? = nil) throws {
        let fileExtension = fileExtension ?? kind.fileExtensions[0]
        guard Self.isValidName(name) else {
            throw JobParameterError(
                message:
                    "artifact name \"\(name)\": 1 to \(Self.maxNameLength) bytes without /, \\ or control characters"
            )
        }
        guard kind.fileExtensions.contains(fileExtension) else {
            throw JobParameterError(message: "an artifact of kind \(kind.rawValue) cannot be a .\(fileExtension) file")
        }
        self.name = name
        self.kind = kind
        self.fileExtension = fileExtension
    }

    /// The artifact a file name describes, or nil for any other file.
    public init?(fileName: String) {
        guard fileName.hasPrefix(Self.fileNamePrefix) else { return nil }
        var parts = fileName.dropFirst(Self.fileNamePrefix.count).split(
            separator: ".",
            omittingEmptySubsequences: false
        )
        guard parts.count >= 3, let kind = Kind(rawValue: String(parts[parts.count - 2])) else { return nil }
        let fileExtension = String(parts.removeLast())
        parts.removeLast()
        guard let artifact = try? Self(name: parts.joined(separator: "."), kind: kind, fileExtension: fileExtension)
        else {
            return nil
        }
        self = artifact
    }

    /// The file's name: `_artifact.<name>.<kind>.<extension>`.
    public var fileName: String {
        Self.fileNamePrefix + name + "." + kind.rawValue + "." + fileExtension
    }

    /// The name as shown: without a leading `<digits>-`.
    public var title: String {
        let digits = name.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, name.dropFirst(digits.count).first == "-", name.count > digits.count + 1 else {
            return name
        }
        return String(name.dropFirst(digits.count + 1))
    }

    /// Whether `self` is shown before `other`: by the number a name starts with, then by name.
    public func isOrderedBefore(_ other: ResultArtifact) -> Bool {
        let (mine, theirs) = (orderNumber, other.orderNumber)
        if mine != theirs { return (mine ?? Int.max) < (theirs ?? Int.max) }
        if name != other.name { return name < other.name }
        return Kind.allCases.firstIndex(of: kind)! < Kind.allCases.firstIndex(of: other.kind)!
    }

    /// Writes `bytes` as this artifact into `directory` (a task's output directory).
    public func write(_ bytes: [UInt8], in directory: String) throws {
        let path = directory + "/" + fileName
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
            throw SystemError(path: path, action: "cannot create")
        }
    }

    /// Whether `parameters` ask for artifacts (``parameter`` is `true`).
    public static func areRequested(by parameters: JobParameters) throws -> Bool {
        try parameters.bool(parameter)
    }

    /// The content of a histogram artifact: `counts` as a JSON array.
    public static func histogramContent(_ counts: [UInt64]) -> [UInt8] {
        Array(("[" + counts.map(String.init).joined(separator: ",") + "]").utf8)
    }

    /// The content of a table artifact: `rows` (the first one the header) as JSON.
    public static func tableContent(_ rows: [[String]]) throws -> [UInt8] {
        Array(try JSONEncoder().encode(rows))
    }

    private var orderNumber: Int? {
        let digits = name.prefix { $0.isASCII && $0.isNumber }
        return name.dropFirst(digits.count).first == "-" ? Int(digits) : nil
    }

    private static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= maxNameLength && !name.contains("/") && !name.contains("\\")
            && !name.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
    }
}
