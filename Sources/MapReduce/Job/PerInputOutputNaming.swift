import Foundation

/// The naming rule of a ``FilePerInputJob``'s outputs: `<stem><suffix>.<extension>` beside the input.
///
/// With the suffix `_equalized`, `photos/cat.tif` gives `photos/cat_equalized.tif` and `notes`
/// gives `notes_equalized`. A file whose stem already ends with the suffix counts as an earlier
/// output, so re-running a job on a directory does not process its own results.
public struct PerInputOutputNaming: Sendable, Equatable {
    /// What is appended to an input's stem, e.g. `_equalized`.
    public let suffix: String

    /// Creates the rule for `suffix`.
    public init(suffix: String) {
        self.suffix = suffix
    }

    /// Where the output of the input at `path` goes by default: beside it, with the suffix.
    public func outputPath(forInput path: String) -> String {
        let (directory, stem, fileExtension) = Self.parts(of: path)
        return directory + stem + suffix + fileExtension
    }

    /// Whether the file at `path` is named like an output of this rule.
    public func isOutput(_ path: String) -> Bool {
        Self.parts(of: path).stem.hasSuffix(suffix)
    }

    /// The name under which a task writes the output of the input at `path` into its attempt
    /// directory: the stable hash of the input's absolute, standardized path in hex (so inputs
    /// with equal names in different directories do not collide, and a relative path names the
    /// same file in the client and in a task process with another working directory), a dash and
    /// the input's file name.
    public static func stagedName(forInput path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        let standardized = URL(fileURLWithPath: absolute).standardizedFileURL.path
        let hash = Array(standardized.utf8).withUnsafeBytes { KeyBytes.stableHash($0) }
        let hex = String(hash, radix: 16)
        let name = parts(of: path)
        return String(repeating: "0", count: 16 - hex.count) + hex + "-" + name.stem + name.fileExtension
    }

    /// Splits a path into its directory (with the trailing `/`, or empty), stem and extension
    /// (with the dot, or empty); a leading dot does not start an extension.
    static func parts(of path: String) -> (directory: String, stem: String, fileExtension: String) {
        let slash = path.lastIndex(of: "/")
        let nameStart = slash.map { path.index(after: $0) } ?? path.startIndex
        let directory = String(path[..<nameStart])
        let name = path[nameStart...]
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return (directory, String(name), "") }
        return (directory, String(name[..<dot]), String(name[dot...]))
    }
}
