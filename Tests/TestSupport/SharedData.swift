import Foundation

/// Locates the project's shared test data (`../shared/data` beside the repository).
public enum SharedData {
    /// The repository's root, found from this file's path.
    public static let repositoryRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// `../shared/data` relative to the repository root.
    public static let root: String = {
        let candidate = URL(fileURLWithPath: repositoryRoot).deletingLastPathComponent().appendingPathComponent(
            "shared/data"
        )
        return candidate.standardizedFileURL.path
    }()

    /// The twelve Project Gutenberg books.
    public static var books: String { root + "/books" }
    /// The 10,000-line Apache access log.
    public static var accessLog: String { root + "/logs/apache_logs" }
    /// The images.
    public static var images: String { root + "/images" }

    /// The paths of the books, in name order.
    public static func bookPaths() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: books).sorted().map { books + "/" + $0 }
    }
}
